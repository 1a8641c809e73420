/** Log severities, least to most severe. */
export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
/** One log severity. */
export type LogLevel = (typeof logLevels)[number];

/** Rank of a level, for minimum-level filters. */
export function levelRank(level: LogLevel): number {
  return rank[level];
}

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** A log entry as a service writes it. */
export interface LogEntry {
  readonly timeMs: number;
  readonly service: string;
  readonly level: LogLevel;
  readonly message: string;
  readonly traceId: string;
  /** Fields a log processor parsed out of the message or added (absent when no processor saw it). */
  readonly fields?: Readonly<Record<string, LogFieldValue>>;
}

/** A parsed or enriched field's value. */
export type LogFieldValue = string | number | boolean | null;

/** A stored entry: `seq` orders entries with equal times (arrival order), across all shards. */
export interface StoredLogEntry extends LogEntry {
  readonly seq: number;
}

/** An entry with its `seq`, as a store keeps it. */
export function storedEntry(entry: LogEntry, seq: number): StoredLogEntry {
  return {
    timeMs: entry.timeMs,
    service: entry.service,
    level: entry.level,
    message: entry.message,
    traceId: entry.traceId,
    ...(entry.fields ? { fields: entry.fields } : {}),
    seq,
  };
}

/**
 * A log query: time range [startMs, endMs) (start inclusive, end exclusive), an optional service,
 * an optional minimum level (`warn` returns warn and error), and a maximum number of entries.
 * Results are newest first.
 */
export interface LogQuery {
  readonly startMs: number;
  readonly endMs: number;
  readonly service?: string;
  readonly minLevel?: LogLevel;
  readonly limit: number;
}

/** Newest first: later time, then later arrival. */
function newerFirst(a: StoredLogEntry, b: StoredLogEntry): number {
  return b.timeMs - a.timeMs || b.seq - a.seq;
}

/**
 * Merges lists that are each sorted newest first into one, keeping the first `limit`: a k-way merge
 * with one cursor per list (k is the shard or level count, so a linear pick beats a heap).
 */
export function mergeNewestFirst(
  lists: readonly (readonly StoredLogEntry[])[],
  limit: number,
): StoredLogEntry[] {
  const cursors = lists.map(() => 0);
  const out: StoredLogEntry[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]![cursors[i]!];
      if (candidate && (best < 0 || newerFirst(candidate, lists[best]![cursors[best]!]!) < 0)) best = i;
    }
    if (best < 0) break;
    out.push(lists[best]![cursors[best]!++]!);
  }
  return out;
}
