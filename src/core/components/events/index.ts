export {
  type AggregateDefinition,
  AggregateRepository,
  type Decision,
  type ExecuteResult,
  type HistoryArchived,
  type LoadedAggregate,
  type LoadResult,
  loadAggregate,
  type Rejected,
  replayAggregate,
} from './aggregate';
export { type AssignmentStrategy, assignPartitions } from './assignment';
export type {
  Delivery,
  GroupMetrics,
  GroupPartitionMetrics,
  PartitionMetrics,
  PublishResult,
  SettleResult,
  StartFrom,
  SubscribeOptions,
  TopicMetrics,
  TopicOptions,
} from './busTypes';
export { canonicalJson } from './canonicalJson';
export type { DeadLetter } from './deadLetterQueue';
export { EventBus } from './eventBus';
export { EventStore, type EventStoreOptions } from './eventStore';
export { fnv1a32 } from './hash';
export { isLogLevel, LogStore } from './logStore';
export { LogRouter, type LogRouterOptions, queryShards, type ShardStrategy } from './logSystem';
export {
  type LogEntry,
  type LogLevel,
  type LogQuery,
  levelRank,
  logLevels,
  mergeNewestFirst,
  newerFirst,
  type StoredLogEntry,
} from './logTypes';
export {
  type ApplyOutcome,
  equalsReplay,
  Projection,
  type ProjectionDefinition,
  type ProjectionLag,
  type ReplayCheck,
} from './projection';
export { ReadModel } from './readModel';
export type {
  AppendResult,
  ConcurrencyConflict,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  Snapshot,
  StoreSubscription,
} from './storeTypes';
