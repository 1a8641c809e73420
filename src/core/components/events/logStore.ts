import { LogRows } from './logRows';
import {
  type LogEntry,
  type LogQuery,
  levelRank,
  logLevels,
  mergeNewestFirst,
  type StoredLogEntry,
  storedEntry,
} from './logTypes';
import { SortedLog } from './sortedLog';

/**
 * One log store shard: entries indexed by time, by service and by level, bounded by `capacity`
 * (the oldest entry is dropped and counted when full) and by `retentionMs` (entries older than the
 * newest by more than that expire, counted, like a hot tier's retention period).
 */
export class LogStore {
  /** Entries dropped because the store was full. */
  dropped = 0;
  /** Entries expired by the retention period. */
  expired = 0;
  /** Entries ever appended. */
  appended = 0;
  /** The entries' fields, by row; the indexes below hold row numbers. */
  private readonly rows = new LogRows();
  private readonly all = new SortedLog(this.rows);
  private readonly byService = new Map<string, SortedLog>();
  private readonly byLevel = logLevels.map(() => new SortedLog(this.rows));
  private nextSeq = 0;

  constructor(
    readonly id: string,
    readonly capacity: number,
    readonly retentionMs = Number.POSITIVE_INFINITY,
  ) {
    if (!(capacity >= 1)) throw new RangeError(`log store ${id}: capacity must be >= 1`);
  }

  get size(): number {
    return this.all.size;
  }

  /** Stores an entry; `seq` breaks ties between equal times (a router passes a global one). */
  append(entry: LogEntry, seq: number = this.nextSeq): StoredLogEntry {
    const stored = storedEntry(entry, seq);
    this.insert(stored);
    return stored;
  }

  /** Stores an entry that already carries its `seq` (its fields are copied: the object is not kept). */
  insert(entry: StoredLogEntry): void {
    this.nextSeq = Math.max(this.nextSeq, entry.seq + 1);
    const row = this.rows.add(entry);
    this.all.insert(row);
    let service = this.byService.get(entry.service);
    if (!service) {
      service = new SortedLog(this.rows);
      this.byService.set(entry.service, service);
    }
    service.insert(row);
    this.byLevel[levelRank(entry.level)]!.insert(row);
    this.appended++;
    if (this.all.size > this.capacity) {
      this.dropOldest();
      this.dropped++;
    }
    const horizonMs = entry.timeMs - this.retentionMs;
    while (this.rows.timeMs(this.all.oldest()) < horizonMs) {
      this.dropOldest();
      this.expired++;
    }
  }

  /** Matching entries of this shard, newest first, at most `limit`. */
  query(q: LogQuery): StoredLogEntry[] {
    const min = q.minLevel === undefined ? 0 : levelRank(q.minLevel);
    const rows = this.rows;
    const entries = (list: readonly number[]) => list.map((row) => rows.entry(row));
    if (q.service !== undefined) {
      const list = this.byService.get(q.service);
      if (!list) return [];
      return entries(list.newestInRange(q.startMs, q.endMs, q.limit, (row) => rows.levelRank(row) >= min));
    }
    if (min === 0) return entries(this.all.newestInRange(q.startMs, q.endMs, q.limit, () => true));
    const perLevel = this.byLevel
      .slice(min)
      .map((l) => entries(l.newestInRange(q.startMs, q.endMs, q.limit, () => true)));
    return mergeNewestFirst(perLevel, q.limit);
  }

  /** The oldest entry is the oldest of its service and of its level too, so all indexes drop their head. */
  private dropOldest(): void {
    const rows = this.rows;
    const oldest = this.all.removeOldest();
    const serviceId = rows.service(oldest);
    const service = this.byService.get(serviceId)!;
    service.removeOldest();
    if (service.size === 0) this.byService.delete(serviceId);
    this.byLevel[rows.levelRank(oldest)]!.removeOldest();
    rows.release(oldest);
  }
}
