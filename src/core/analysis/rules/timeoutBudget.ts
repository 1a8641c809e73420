import type { ArchEdge } from '../../model/schema';
import { finding, type Rule } from '../context';
import { fmtMs } from '../numbers';
import type { Finding } from '../types';
import { effectiveTimeoutMs } from './syncTimeout';

/**
 * Flags timeout budget inversions: a caller whose deadline is <= the timeout its callee allows
 * its own downstream call, so the caller gives up while the callee still waits and retries.
 */
export const timeoutBudgetRule: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const edge of ctx.graph.edges) {
    if (edge.kind !== 'sync') continue;
    const outer = effectiveTimeoutMs(ctx, edge);
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
    out.push(
      finding('timeout-budget-inversion', `${edge.id}>${inner.id}`, 'warning', {
        title: `${a} gives up before ${b} does`,
        detail: `${a} waits ${fmtMs(outer)} ms for ${b}, but ${b} waits up to ${fmtMs(innerTimeout)} ms for ${c}${inner.config.retry.maxRetries > 0 ? ` (and retries ${inner.config.retry.maxRetries}x within it)` : ''}: when ${c} is slow, ${a} times out while ${b} keeps working on answers nobody reads.`,
        nodeIds: [edge.source, edge.target, inner.target],
        edgeIds: [edge.id, inner.id],
        suggestion: `Give each hop a shorter deadline than its caller (e.g. ${b} -> ${c} below ${fmtMs(outer)} ms minus ${b}'s own work), or propagate the deadline.`,
      }),
    );
  }
  return out;
};
