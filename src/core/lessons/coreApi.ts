/**
 * Everything the lessons take from the rest of core, in one place: the document (schema, validation)
 * and the experiments' SLO evaluation, run and metric paths. A lesson's checks are SLOs and
 * assertions over metric paths, judged by the same code as `scenario.slos`.
 */
export { metricPaths } from '../experiments/metricPaths';
export type { ReplicaTask } from '../experiments/replica';
export { SloObserver, type SloResult, sloHolds } from '../experiments/slo';
export { id } from '../model/fields';
export { friendlyZodMessage, fromZodIssues, type ValidationIssue } from '../model/issues';
export {
  type ArchDocument,
  faultSchema,
  type Slo,
  type SloOp,
  sloMetrics,
} from '../model/schema';
export { validateDocument } from '../model/validate';
export { createRun, type Run } from '../run/createRun';
export { type RunSummary, round3 } from '../run/summary';
