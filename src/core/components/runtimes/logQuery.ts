import type { World } from '../../sim/world';
import { queryShards } from '../events/logSystem';
import type { LogQuery, StoredLogEntry } from '../events/logTypes';
import { LogStoreRuntime } from './logStoreRuntime';

/**
 * Queries the distributed log of a run: every log store node's shard, merged newest first, time
 * range [startMs, endMs), optional service and minimum level, at most `limit` entries.
 */
export function queryRunLogs(world: World, query: LogQuery): StoredLogEntry[] {
  const stores = world.nodes
    .filter((n): n is LogStoreRuntime => n instanceof LogStoreRuntime)
    .map((n) => n.logStore);
  return queryShards(stores, query);
}
