/**
 * The experiments' public face: what the CLI host and the app's worker pool drive. The planner
 * here is pure; hosts only run the replicas it plans and hand their summaries back.
 */
export type { CapacityPointJson } from './capacity';
export { CAPACITY_DEFAULTS } from './capacity';
export type { CapacityJson } from './capacitySearch';
export { capacityTarget, searchableClients, searchCapacity } from './capacitySearch';
export type { CompareJson } from './compareRun';
export { compareDocuments } from './compareRun';
export type { ExperimentHeader, ReplicatedRunJson, SweepJson } from './experiment';
export { fingerprint, plannedTasks, renderExperiment, sweepDocuments } from './experiment';
export type { RoundedInterval, SloVerdict, TaskRecord } from './records';
export { sloVerdicts, toRecord } from './records';
export type { ReplicaResult, ReplicaTask } from './replica';
export { runReplica } from './replica';
export type { Shard, ShardFile } from './shards';
export { inShard, mergeShards, parseShard } from './shards';
export type { LiveSloResult, RunReport, RunWatch, SloResult } from './slo';
export { observeRun, SloObserver } from './slo';
export type { Parameter } from './varyPath';
export { applyValues, parseVary } from './varyPath';
