import type { AnalysisContext } from '../analysis/analysisContext';
import type { NodeOfKind } from '../model/schema';
import type { NodeKind } from './nodeKinds';

/**
 * A kind's part of the static analysis (src/core/kinds/<kind>/analysis.ts): what the analysis needs
 * to know about a node of the kind without simulating it.
 */
export interface KindAnalysis<K extends NodeKind> {
  /** The node's role in a few words ("payment service"): the kind's name unless its config says more. */
  role(node: NodeOfKind<K>): string;
  /** What the node does, in a sentence or two derived from its config and its links. */
  responsibilities(node: NodeOfKind<K>, ctx: AnalysisContext): string;
  /**
   * Requests the node can hold at once (instances x concurrency, a connection pool), against which
   * the flow analysis measures utilisation; null when the model puts no bound on it.
   */
  slots(node: NodeOfKind<K>): number | null;
}
