import {
  CAUSE_INFO,
  type CauseName,
  FAILURE_CAUSES,
  type LogEntry,
  type Severity,
} from '../../../worker/protocol';

/** What the event log shows: a type, a node, a failure cause, a minimum severity and a text to find. */
export interface EventFilter {
  type: string;
  nodeId: string;
  /** A failure cause (entries about failures that include it), or '' for any entry. */
  cause: string;
  minSeverity: Severity;
  text: string;
}

const rank: Record<Severity, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export const noFilter: EventFilter = { type: '', nodeId: '', cause: '', minSeverity: 'debug', text: '' };

/** Entries passing the filter, oldest first; returns the same array when nothing filters. */
export function filterEvents(entries: LogEntry[], f: EventFilter): LogEntry[] {
  const text = f.text.trim().toLowerCase();
  const min = rank[f.minSeverity];
  if (!f.type && !f.nodeId && !f.cause && min === 0 && !text) return entries;
  const cause = f.cause as CauseName;
  return entries.filter(
    (e) =>
      (!f.type || e.type === f.type) &&
      (!f.nodeId || e.nodeId === f.nodeId) &&
      (!f.cause || (e.causes?.[cause] ?? 0) > 0) &&
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

/** The failure causes the log's entries name, in the causes' order, for the cause filter. */
export function eventCauses(entries: LogEntry[]): { id: CauseName; label: string }[] {
  const seen = new Set<string>();
  for (const e of entries) if (e.causes) for (const c of Object.keys(e.causes)) seen.add(c);
  return FAILURE_CAUSES.filter((c) => seen.has(c)).map((c) => ({ id: c, label: CAUSE_INFO[c].label }));
}
