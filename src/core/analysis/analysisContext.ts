import type { SyncChain } from './chains';
import type { ArchGraph } from './graph';
import type { EdgeLoad, LoadAnalysis, NodeLoad } from './types';

/**
 * Everything a rule, a pattern detector or a kind's analysis part reads, computed once per analysis
 * (context.ts builds it). Declared apart from the builder, which runs the flow analysis, so that the
 * kinds' analysis parts, which the flow analysis reads, can name it without a cycle.
 */
export interface AnalysisContext {
  graph: ArchGraph;
  load: LoadAnalysis;
  chains: SyncChain[];
  nodeLoad: ReadonlyMap<string, NodeLoad>;
  edgeLoad: ReadonlyMap<string, EdgeLoad>;
}
