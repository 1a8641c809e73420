import type { ArchEdge } from '../../model/schema';
import { type AnalysisContext, finding, type Rule } from '../context';
import { fmtNum } from '../numbers';
import type { Finding } from '../types';

/** Retrying edges without an enabled breaker: nothing stops their retries when the callee fails. */
function unguardedRetries(ctx: AnalysisContext, edgeIds: readonly string[]): ArchEdge[] {
  const out: ArchEdge[] = [];
  for (const id of edgeIds) {
    const edge = ctx.graph.edgeById(id);
    if (edge && edge.config.retry.maxRetries > 0 && edge.config.breaker?.enabled !== true) out.push(edge);
  }
  return out;
}

/**
 * Flags retries without a circuit breaker: along a sync chain the worst-case load on the deepest
 * callee multiplies by (1 + maxRetries) per retrying hop (3 hops with 2 retries each: 27x); a lone
 * retrying edge without a breaker is reported as advice.
 */
export const retryStormRule: Rule = (ctx) => {
  const out: Finding[] = [];
  const inChain = new Set<string>();
  const worst = new Map<string, { retrying: ArchEdge[]; factor: number }>();
  for (const chain of ctx.chains) {
    const retrying = unguardedRetries(ctx, chain.edgeIds);
    if (retrying.length < 2) continue;
    // Chains that share their retrying edges are one storm.
    const factor = retrying.reduce((p, e) => p * (1 + e.config.retry.maxRetries), 1);
    const last = retrying[retrying.length - 1]!;
    // One storm per last retrying edge, the worst chain into it: parallel branches repeat it.
    const best = worst.get(last.id);
    if (!best || factor > best.factor) worst.set(last.id, { retrying, factor });
  }
  const storms = [...worst.values()].map((w) => ({ ...w, key: w.retrying.map((e) => e.id).join('>') }));
  for (const { retrying, factor, key } of storms) {
    // A storm contained in a longer one (a branch that stops retrying earlier) adds nothing.
    if (storms.some((other) => other.key.startsWith(`${key}>`))) continue;
    const last = retrying[retrying.length - 1]!;
    for (const e of retrying) inChain.add(e.id);
    const retries = retrying.map((e) => e.config.retry.maxRetries);
    const same = retries.every((r) => r === retries[0]);
    out.push(
      finding('retry-storm', key, factor >= 9 ? 'critical' : 'warning', {
        title: `Retries multiply load up to ${fmtNum(factor)}x on ${ctx.graph.label(last.target)}`,
        detail: `${retrying.length} hops on one call chain retry without a circuit breaker (${same ? `${retries[0]} retries each` : `${retries.join(', ')} retries`}): when ${ctx.graph.label(last.target)} fails, each request can turn into ${fmtNum(factor)} calls to it, exactly when it is least able to serve them.`,
        nodeIds: [...new Set(retrying.flatMap((e) => [e.source, e.target]))],
        edgeIds: retrying.map((e) => e.id),
        suggestion:
          'Retry at one layer only (usually the one nearest the failing callee), add circuit breakers on retrying calls, and cap retries with a retry budget.',
      }),
    );
  }
  for (const edge of ctx.graph.edges) {
    if (edge.kind !== 'sync' || inChain.has(edge.id)) continue;
    if (unguardedRetries(ctx, [edge.id]).length === 0) continue;
    const r = edge.config.retry.maxRetries;
    const calls = ctx.edgeLoad.get(edge.id)?.callsPerSec ?? 0;
    out.push(
      finding('retry-without-breaker', edge.id, 'info', {
        title: `${ctx.graph.label(edge.source)} retries ${ctx.graph.label(edge.target)} without a circuit breaker`,
        detail: `The call ${edge.id} retries up to ${r}x: if ${ctx.graph.label(edge.target)} fails, its ${fmtNum(calls)} calls/s become up to ${fmtNum(calls * (1 + r))} attempts/s, and nothing stops them.`,
        nodeIds: [edge.source, edge.target],
        edgeIds: [edge.id],
        suggestion: 'Add a circuit breaker to the edge so a failing callee is given time to recover.',
      }),
    );
  }
  return out;
};
