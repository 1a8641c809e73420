import type { ArchDocument } from '../model/schema';
import type { AnalysisContext } from './analysisContext';
import { syncChains } from './chains';
import { analyzeLoad } from './flow';
import { ArchGraph } from './graph';
import type { Finding, Fix, Severity } from './types';

export type { AnalysisContext } from './analysisContext';

/** Builds the shared context: the graph, the flow analysis and the sync chains. */
export function buildContext(doc: ArchDocument): AnalysisContext {
  const graph = new ArchGraph(doc);
  const load = analyzeLoad(graph);
  return {
    graph,
    load,
    chains: syncChains(graph),
    nodeLoad: new Map(load.nodes.map((n) => [n.nodeId, n])),
    edgeLoad: new Map(load.edges.map((e) => [e.edgeId, e])),
  };
}

/** A rule: one kind of weak point, reported once per subject. */
export type Rule = (ctx: AnalysisContext) => Finding[];

/** Builds a finding whose id is the rule and its subject, so sorting by id is stable. */
export function finding(
  rule: string,
  subject: string,
  severity: Severity,
  fields: {
    title: string;
    detail: string;
    nodeIds?: string[];
    edgeIds?: string[];
    suggestion: string;
    /** A problem of the wiring rather than design advice (see {@link Finding.problem}). */
    problem?: boolean;
    fixes?: Fix[];
  },
): Finding {
  return {
    id: `${rule}:${subject}`,
    rule,
    severity,
    title: fields.title,
    detail: fields.detail,
    nodeIds: fields.nodeIds ?? [],
    edgeIds: fields.edgeIds ?? [],
    suggestion: fields.suggestion,
    problem: fields.problem ?? false,
    fixes: fields.fixes ?? [],
  };
}
