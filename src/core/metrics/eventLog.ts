import type { SomeCauseCounts } from './failureCause';

/** How loud an event-log entry is. */
export type Severity = 'debug' | 'info' | 'warn' | 'error';

/** One event-log entry; `seq` numbers entries from 1 so a reader can ask for what is new. */
export interface EventLogEntry {
  seq: number;
  atMs: number;
  type: string;
  severity: Severity;
  nodeId: string | null;
  message: string;
  /** For an entry about failures: how many failed for each cause (the message says it in words). */
  causes?: SomeCauseCounts;
}

/**
 * A bounded event log: a ring of the last `capacity` entries, so a long run never grows memory,
 * with sequence numbers so the live view fetches only entries newer than the last it saw.
 */
export class EventLog {
  private readonly ring: (EventLogEntry | undefined)[];
  private nextSeq = 1;

  constructor(readonly capacity = 5000) {
    this.ring = new Array(capacity);
  }

  /** Sequence number of the newest entry (0 when empty). */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Entries held (at most capacity). */
  get length(): number {
    return Math.min(this.capacity, this.nextSeq - 1);
  }

  /** Appends an entry, dropping the oldest when full; `causes` for an entry about failures. */
  append(
    atMs: number,
    type: string,
    severity: Severity,
    nodeId: string | null,
    message: string,
    causes?: SomeCauseCounts,
  ): void {
    const seq = this.nextSeq++;
    const entry: EventLogEntry = { seq, atMs, type, severity, nodeId, message };
    if (causes) entry.causes = causes;
    this.ring[seq % this.capacity] = entry;
  }

  /**
   * Entries with seq > `afterSeq` still held, oldest first, at most the `limit` oldest of them: a
   * reader that asks again after the last one it got misses nothing the ring still holds.
   */
  after(afterSeq: number, limit: number): EventLogEntry[] {
    const first = Math.max(afterSeq + 1, this.nextSeq - this.length);
    const end = Math.min(this.nextSeq, first + limit);
    const out: EventLogEntry[] = [];
    for (let seq = first; seq < end; seq++) out.push(this.ring[seq % this.capacity]!);
    return out;
  }

  /** Entries with seq > `afterSeq`, oldest first, at most `limit` of the newest ones. */
  since(afterSeq: number, limit = this.capacity): EventLogEntry[] {
    const first = Math.max(afterSeq + 1, this.nextSeq - this.length, this.nextSeq - limit);
    const out: EventLogEntry[] = [];
    for (let seq = first; seq < this.nextSeq; seq++) out.push(this.ring[seq % this.capacity]!);
    return out;
  }
}
