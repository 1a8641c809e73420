import { kindAnalyses } from '../kinds/analyses';
import type { NodeKind } from '../kinds/nodeKinds';
import type { NodeOfKind } from '../model/schema';
import type { AnalysisContext } from './analysisContext';
import type { ComponentSummary } from './types';

/** One node's role and responsibilities, through its kind's analysis part (kinds/<kind>/analysis.ts). */
function componentOf<K extends NodeKind>(node: NodeOfKind<K>, ctx: AnalysisContext): ComponentSummary {
  const kind = kindAnalyses[node.kind];
  return {
    nodeId: node.id,
    kind: node.kind,
    label: node.label,
    role: kind.role(node),
    responsibilities: kind.responsibilities(node, ctx),
  };
}

/** Each node's role and responsibilities, in a sentence or two derived from its kind and config. */
export function describeComponents(ctx: AnalysisContext): ComponentSummary[] {
  return ctx.graph.nodes.map((node) => componentOf(node, ctx));
}
