/**
 * The front door of src/core: the worker, the CLI, the benchmarks and the scripts import the core
 * only from here (biome.json enforces it). It offers the document (types, schema, validation), a run
 * (createRun, its summary, its frame columns and breaker states, its walkthrough, logs and traces),
 * the static analysis, and the bare engine for the engine benchmark. What is not exported here is
 * the core's own business. The UI and the stores still read the document's types from model/.
 */
export type { ArchitectureAnalysis, Finding, NodeLoad } from './analysis';
export { analyzeDocument, problemsOf } from './analysis';
export type { LogLevel, LogQuery, StoredLogEntry } from './components/events/logTypes';
export { Sfc32 } from './engine/rng';
export { Simulation } from './engine/simulation';
export * from './experiments';
export type { ExportFormat, ExportOptions, ExportResult, ImportFormat, ImportResult } from './interop';
export { EXPORT_FORMATS, exportDocument, IMPORT_FORMATS, importText } from './interop';
export * from './lessons';
export type { EventLogEntry, Severity } from './metrics/eventLog';
export type { CauseName, SomeCauseCounts } from './metrics/failureCause';
export { CAUSE, CAUSE_INFO, FAILURE_CAUSES } from './metrics/failureCause';
export type { Span, Trace } from './metrics/traces';
export type { ValidationIssue } from './model/issues';
export { documentJsonSchemaText } from './model/jsonSchema';
export type { ArchDocument, Distribution, DocumentInput, Fault, Slo } from './model/schema';
export { documentSchema, nodeKinds } from './model/schema';
export {
  formatIssue,
  MAX_DOCUMENT_BYTES,
  parseDocument,
  serializeDocument,
  validateDocument,
} from './model/validate';
export type { Run, RunOptions } from './run/createRun';
export { createRun } from './run/createRun';
export type { HostLimit, RunLimitName, RunLimits, RunStop } from './run/limits';
export { DEFAULT_RUN_LIMITS } from './run/limits';
export type { NodeSummary, RunSummary } from './run/summary';
export type {
  WalkthroughEvent,
  WalkthroughOptions,
  WalkthroughSaga,
  WalkthroughStepResult,
} from './run/walkthrough';
export type { BreakerState } from './sim/breakerState';
export { BREAKER_LABELS, BREAKER_NONE, breakerStateOf } from './sim/breakerState';
export { EDGE_COL, EDGE_STRIDE, FAILURE_COL, FAILURE_STRIDE, NODE_COL, NODE_STRIDE } from './sim/columns';
