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
  private readonly all = new SortedLog();
  private readonly byService = new Map<string, SortedLog>();
  private readonly byLevel = logLevels.map(() => new SortedLog());
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

  /** Stores an entry that already carries its `seq` as it is (the store keeps it: never changed after). */
  insert(stored: StoredLogEntry): void {
    const entry = stored;
    this.nextSeq = Math.max(this.nextSeq, stored.seq + 1);
    this.all.insert(stored);
    let service = this.byService.get(entry.service);
    if (!service) {
      service = new SortedLog();
      this.byService.set(entry.service, service);
    }
    service.insert(stored);
    this.byLevel[levelRank(entry.level)]!.insert(stored);
    this.appended++;
    if (this.all.size > this.capacity) {
      this.dropOldest();
      this.dropped++;
    }
    const horizonMs = entry.timeMs - this.retentionMs;
    while (this.all.oldest()!.timeMs < horizonMs) {
      this.dropOldest();
      this.expired++;
    }
  }

  /** Matching entries of this shard, newest first, at most `limit`. */
  query(q: LogQuery): StoredLogEntry[] {
    const min = q.minLevel === undefined ? 0 : levelRank(q.minLevel);
    if (q.service !== undefined) {
      const list = this.byService.get(q.service);
      return list ? list.newestInRange(q.startMs, q.endMs, q.limit, (e) => levelRank(e.level) >= min) : [];
    }
    if (min === 0) return this.all.newestInRange(q.startMs, q.endMs, q.limit, () => true);
    const perLevel = this.byLevel
      .slice(min)
      .map((l) => l.newestInRange(q.startMs, q.endMs, q.limit, () => true));
    return mergeNewestFirst(perLevel, q.limit);
  }

  /** The oldest entry is the oldest of its service and of its level too, so all indexes drop their head. */
  private dropOldest(): void {
    const oldest = this.all.removeOldest()!;
    const service = this.byService.get(oldest.service)!;
    service.removeOldest();
    if (service.size === 0) this.byService.delete(oldest.service);
    this.byLevel[levelRank(oldest.level)]!.removeOldest();
  }
}
