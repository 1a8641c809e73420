import type { ArchDocument } from '../model/schema';
import { describeComponents } from './components';
import { buildContext } from './context';
import { detectPatterns } from './patterns';
import { runRules } from './rules';
import { recogniseStyles } from './styles';
import { summarise } from './summary';
import type { ArchitectureAnalysis, Finding } from './types';

export type * from './types';

/**
 * Analyses a validated document statically, as the seed's `analyze_architecture` sketches: the
 * styles it follows, each component's responsibilities, its communication and resilience patterns,
 * a flow analysis of load against capacity at the scenario's peak, and its weak points, sorted.
 * Pure and deterministic: the same document gives the same analysis, byte for byte.
 */
export function analyzeDocument(doc: ArchDocument): ArchitectureAnalysis {
  const ctx = buildContext(doc);
  const style = recogniseStyles(ctx);
  const patterns = detectPatterns(ctx);
  const findings = runRules(ctx);
  return {
    name: doc.name,
    style,
    components: describeComponents(ctx),
    patterns,
    load: ctx.load,
    findings,
    summary: summarise(ctx, style, patterns, findings),
  };
}

/**
 * The problems list: the findings about how the design is wired that will fail (critical) or look
 * wrong (warning) before any run, in the analysis's order. The editor's badge, panel and card marks
 * and `archplay analyze` all read it from here.
 */
export function problemsOf(analysis: ArchitectureAnalysis): Finding[] {
  return analysis.findings.filter((f) => f.problem);
}
