import { LogStoreRuntime, type LogStoreSummary } from '../../components/runtimes/logStoreRuntime';
import type { KindRuntime } from '../kindRuntime';

/** A log store's summary section: entries held, appended, dropped and expired. */
export type LogStoreSection = { logStore: LogStoreSummary };

/** A log store keeps one shard of the distributed log, bounded by capacity and retention. */
export const logStoreRuntime: KindRuntime<'logStore', LogStoreSection> = {
  create: (world, node) => new LogStoreRuntime(world, node),
};
