import type { ArchEdge } from '../../model/schema';
import { type AnalysisContext, finding, type Rule } from '../context';
import { fmtMs } from '../numbers';
import type { Finding } from '../types';

const CALLABLE = new Set(['service', 'gateway', 'proxy']);

/** The deadline the runtime applies on a sync edge: a gateway route may tighten it. */
export function effectiveTimeoutMs(ctx: AnalysisContext, edge: ArchEdge): number {
  let t = edge.config.timeoutMs;
  const source = ctx.graph.node(edge.source);
  if (source?.kind === 'gateway') {
    for (const r of source.config.routes) {
      if (r.target !== edge.target || r.timeoutMs === 0) continue;
      t = t === 0 ? r.timeoutMs : Math.min(t, r.timeoutMs);
    }
  }
  return t;
}

/**
 * Flags sync calls without a timeout (0: a hung callee holds the caller forever) and calls whose
 * timeout is shorter than the callee's typical response time (most calls time out).
 */
export const syncTimeoutRule: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const edge of ctx.graph.edges) {
    if (edge.kind !== 'sync' || !CALLABLE.has(ctx.graph.node(edge.target)?.kind ?? '')) continue;
    const timeout = effectiveTimeoutMs(ctx, edge);
    const from = ctx.graph.label(edge.source);
    const to = ctx.graph.label(edge.target);
    const typical = ctx.edgeLoad.get(edge.id)?.responseMs ?? null;
    if (timeout === 0) {
      out.push(
        finding('sync-timeout-missing', edge.id, 'warning', {
          title: `${from} calls ${to} without a timeout`,
          detail: `The call ${edge.id} has timeoutMs 0: if ${to} hangs, each call holds a slot of ${from} forever${typical !== null ? ` (it normally answers in ${fmtMs(typical)} ms)` : ''}, and the stall spreads upstream.`,
          nodeIds: [edge.source, edge.target],
          edgeIds: [edge.id],
          suggestion: `Set a timeout a few times ${to}'s p99 latency, below the caller's own deadline.`,
        }),
      );
    } else if (typical !== null && timeout < typical) {
      out.push(
        finding('sync-timeout-too-short', edge.id, 'critical', {
          title: `${from} times out before ${to} usually answers`,
          detail: `The call ${edge.id} gives up after ${fmtMs(timeout)} ms, but ${to} takes about ${fmtMs(typical)} ms on average including the network: most calls fail with 504 while ${to} still does the work.`,
          nodeIds: [edge.source, edge.target],
          edgeIds: [edge.id],
          suggestion: `Raise the timeout above ${to}'s p99 latency, or make ${to} faster.`,
        }),
      );
    }
  }
  return out;
};
