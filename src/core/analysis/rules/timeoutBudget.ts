import type { ArchEdge } from '../../model/schema';
import { type AnalysisContext, finding, type Rule } from '../context';
import { fmtMs } from '../numbers';
import type { Finding } from '../types';
import { effectiveTimeoutMs } from './syncTimeout';

/**
 * How long a caller waits for one answer over a sync edge: the deadline, or the per-try timeout when
 * that is set and shorter (0 = no limit); past it the answer is abandoned while the callee works on.
 */
function attemptWaitMs(ctx: AnalysisContext, edge: ArchEdge): number {
  const deadline = effectiveTimeoutMs(ctx, edge);
  const perTry = edge.config.retry.perTryTimeoutMs;
  if (perTry === 0) return deadline;
  return deadline === 0 ? perTry : Math.min(deadline, perTry);
}

/**
 * Flags timeout budget inversions: a caller that waits for one answer (its deadline, or its per-try
 * timeout) no longer than the timeout its callee allows its own downstream call, so the caller gives
 * up while the callee still waits and retries; with a per-try timeout and `retryOn: timeout` the
 * caller even sends a new attempt on top of the abandoned one.
 */
export const timeoutBudgetRule: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const edge of ctx.graph.edges) {
    if (edge.kind !== 'sync') continue;
    const outer = attemptWaitMs(ctx, edge);
    if (outer === 0) continue;
    // The callee's most patient downstream call decides how long it may outlive this caller.
    let inner: ArchEdge | undefined;
    let innerTimeout = 0;
    for (const candidate of ctx.graph.from(edge.target)) {
      if (candidate.kind !== 'sync' || candidate.target === edge.source) continue;
      const t = effectiveTimeoutMs(ctx, candidate);
      if (t > innerTimeout) {
        inner = candidate;
        innerTimeout = t;
      }
    }
    if (!inner || outer > innerTimeout) continue;
    const a = ctx.graph.label(edge.source);
    const b = ctx.graph.label(edge.target);
    const c = ctx.graph.label(inner.target);
    const deadline = effectiveTimeoutMs(ctx, edge);
    const perAttempt = deadline === 0 || outer < deadline;
    const retry = edge.config.retry;
    const resends = perAttempt && retry.maxRetries > 0 && retry.retryOn.includes('timeout');
    out.push(
      finding('timeout-budget-inversion', `${edge.id}>${inner.id}`, 'warning', {
        title: `${a} gives up before ${b} does`,
        detail: `${a} waits ${fmtMs(outer)} ms${perAttempt ? ' per attempt' : ''} for ${b}, but ${b} waits up to ${fmtMs(innerTimeout)} ms for ${c}${inner.config.retry.maxRetries > 0 ? ` (and retries ${inner.config.retry.maxRetries}x within it)` : ''}: when ${c} is slow, ${a} times out while ${b} keeps working on answers nobody reads${resends ? `, and ${a} retries the timeout, adding up to ${retry.maxRetries} more requests to ${b} per call` : ''}.`,
        nodeIds: [edge.source, edge.target, inner.target],
        edgeIds: [edge.id, inner.id],
        suggestion: `Give each hop a shorter deadline than its caller (e.g. ${b} -> ${c} below ${fmtMs(outer)} ms minus ${b}'s own work), or propagate the deadline.`,
      }),
    );
  }
  return out;
};
