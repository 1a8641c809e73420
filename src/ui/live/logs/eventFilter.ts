import type { LogEntry, Severity } from '../../../worker/protocol';

/** What the event log shows: a type, a node, a minimum severity and a text to find. */
export interface EventFilter {
  type: string;
  nodeId: string;
  minSeverity: Severity;
  text: string;
}

const rank: Record<Severity, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export const noFilter: EventFilter = { type: '', nodeId: '', minSeverity: 'debug', text: '' };

/** Entries passing the filter, oldest first; returns the same array when nothing filters. */
export function filterEvents(entries: LogEntry[], f: EventFilter): LogEntry[] {
  const text = f.text.trim().toLowerCase();
  const min = rank[f.minSeverity];
  if (!f.type && !f.nodeId && min === 0 && !text) return entries;
  return entries.filter(
    (e) =>
      (!f.type || e.type === f.type) &&
      (!f.nodeId || e.nodeId === f.nodeId) &&
      rank[e.severity] >= min &&
      (!text || e.message.toLowerCase().includes(text) || e.type.includes(text)),
  );
}

/** The distinct types in the log, sorted, for the type filter. */
export function eventTypes(entries: LogEntry[]): string[] {
  const types = new Set<string>();
  for (const e of entries) types.add(e.type);
  return [...types].sort();
}
