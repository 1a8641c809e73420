import { fnv1a32 } from './hash';
import type { LogStore } from './logStore';
import { type LogEntry, type LogQuery, mergeNewestFirst, type StoredLogEntry } from './logTypes';

/** How the router spreads entries over log stores. */
type ShardStrategy = 'serviceHash' | 'roundRobin' | 'time';

/** Router options: the strategy and, for `time`, the bucket width. */
export interface LogRouterOptions {
  readonly strategy: ShardStrategy;
  readonly timeBucketMs?: number;
}

/** Picks the shard of each entry among `count` shards, by the router's strategy. */
export class LogSharder {
  private rr = 0;
  readonly timeBucketMs: number;

  constructor(
    readonly count: number,
    readonly options: LogRouterOptions,
  ) {
    if (count < 1) throw new RangeError('a log router needs at least one store');
    this.timeBucketMs = Math.max(1, options.timeBucketMs ?? 60_000);
  }

  /** The shard an entry goes to. */
  shardFor(entry: LogEntry): number {
    const k = this.count;
    switch (this.options.strategy) {
      case 'serviceHash':
        return fnv1a32(entry.service) % k;
      case 'roundRobin':
        return this.rr++ % k;
      case 'time':
        return Math.floor(entry.timeMs / this.timeBucketMs) % k;
    }
  }
}

/**
 * The log router of a distributed log system: it shards entries over log stores (by service hash,
 * round robin, or time bucket) and answers queries by merging every shard's results newest first.
 * It stamps each entry with a global sequence number so equal times order by arrival everywhere.
 */
export class LogRouter {
  private seq = 0;
  private readonly sharder: LogSharder;

  constructor(
    readonly stores: readonly LogStore[],
    readonly options: LogRouterOptions,
  ) {
    this.sharder = new LogSharder(stores.length, options);
  }

  /** The shard an entry goes to. */
  shardFor(entry: LogEntry): number {
    return this.sharder.shardFor(entry);
  }

  /** Routes and stores an entry; returns the shard index. */
  append(entry: LogEntry): number {
    const shard = this.shardFor(entry);
    this.stores[shard]!.append(entry, this.seq++);
    return shard;
  }

  /** Queries every shard and merges newest first, keeping `limit`. */
  query(q: LogQuery): StoredLogEntry[] {
    return queryShards(this.stores, q);
  }
}

/** Runs a query on each shard (each capped at the limit) and k-way merges the answers newest first. */
export function queryShards(stores: readonly LogStore[], q: LogQuery): StoredLogEntry[] {
  if (!(q.limit > 0) || !(q.endMs > q.startMs)) return [];
  return mergeNewestFirst(
    stores.map((s) => s.query(q)),
    q.limit,
  );
}
