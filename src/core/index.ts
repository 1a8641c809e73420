/**
 * The front door of src/core: the worker, the CLI, the benchmarks and the scripts import the core
 * only from here. What is not exported here is the core's own business. (The UI and the stores
 * still read the document's types from model/ directly.)
 */

// The static analysis.
export type { ArchitectureAnalysis, Finding, NodeLoad } from './analysis';
export { analyzeDocument } from './analysis';
export type { LogLevel, LogQuery, StoredLogEntry } from './components/events/logTypes';
// The engine alone, for the engine benchmark.
export { Sfc32 } from './engine/rng';
export { Simulation } from './engine/simulation';
export type { EventLogEntry, Severity } from './metrics/eventLog';
export type { Span, Trace } from './metrics/traces';
export { documentJsonSchemaText } from './model/jsonSchema';
// The document: its types, schema, validation and canonical form.
export type { ArchDocument, Distribution, DocumentInput, Fault } from './model/schema';
export { documentSchema } from './model/schema';
export { formatIssue, MAX_DOCUMENT_BYTES, parseDocument, validateDocument } from './model/validate';
// A run: built from a validated document, driven in slices, read as frames and a summary.
export type { Run, RunOptions } from './run/createRun';
export { createRun } from './run/createRun';
export type { EdgeSummary, NodeSummary, RunSummary } from './run/summary';
export type {
  WalkthroughEvent,
  WalkthroughOptions,
  WalkthroughSaga,
  WalkthroughStepResult,
} from './run/walkthrough';
export type { BreakerState } from './sim/breakerState';
export {
  BREAKER_LABELS,
  BREAKER_NONE,
  BREAKER_STATES,
  breakerNumber,
  breakerStateOf,
} from './sim/breakerState';
export type { EdgeFrameField, NodeFrameField } from './sim/columns';
export { EDGE_COL, EDGE_STRIDE, NODE_COL, NODE_STRIDE } from './sim/columns';
export type { RunFrame } from './sim/snapshot';
