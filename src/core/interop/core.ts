/**
 * Everything the converters use from the rest of core, in one place: the document model, the run
 * (for traces and the walkthrough) and the trace types. When the run assembly moves, only this
 * file changes.
 */
export type { Span, Trace } from '../metrics/traces';
export {
  type ArchDocument,
  type ArchEdge,
  type ArchNode,
  type Distribution,
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type EdgeConfig,
  type EdgeKind,
  edgeConfigSchema,
  edgeSchema,
  type NodeKind,
  type NodeOfKind,
  nodeSchema,
} from '../model/schema';
export { formatIssue, validateDocument } from '../model/validate';
export { createRun } from '../run/createRun';
export type { RunSummary } from '../run/summary';
export type { WalkthroughEvent } from '../run/walkthrough';
