/**
 * Everything the experiments take from the rest of core, in one place, so a move of the run
 * assembly changes this file alone.
 */
export { LatencySketch } from '../metrics/latencySketch';
export type { ArchDocument, NodeOfKind, Slo, SloMetric, SloOp } from '../model/schema';
export { SYSTEM_TARGET } from '../model/schema';
export { formatIssue, validateDocument } from '../model/validate';
export { createRun, type MeterReading, type Run } from '../run/createRun';
export type { HostLimit, RunLimits, RunStop } from '../run/limits';
export { type RunSummary, round3 } from '../run/summary';
