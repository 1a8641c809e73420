import { finding, type Rule } from '../context';
import { fmtPercent } from '../numbers';
import type { Finding } from '../types';

/** Flags sync calls to a service that fails some requests (errorRate > 0) with no fallback. */
export const flakyWithoutFallbackRule: Rule = ({ graph }) => {
  const out: Finding[] = [];
  for (const edge of graph.edges) {
    if (edge.kind !== 'sync' || edge.config.fallback.kind !== 'fail') continue;
    const target = graph.node(edge.target);
    if (target?.kind !== 'service' || target.config.errorRate <= 0) continue;
    const p = target.config.errorRate;
    const r = edge.config.retry.maxRetries;
    const residual = p ** (1 + r);
    const to = graph.label(edge.target);
    out.push(
      finding('no-fallback', edge.id, residual >= 0.001 ? 'warning' : 'info', {
        title: `No fallback when ${to} fails`,
        detail: `${to} fails ${fmtPercent(p)} of requests${r > 0 ? ` and ${r} retr${r === 1 ? 'y leaves' : 'ies leave'} ${fmtPercent(residual)} failing` : ''}; the call ${edge.id} has no fallback, so each failure propagates to ${graph.label(edge.source)}'s caller.`,
        nodeIds: [edge.source, edge.target],
        edgeIds: [edge.id],
        suggestion:
          'Add a fallback (a cached or default answer, or a degraded response) for when the call fails.',
      }),
    );
  }
  return out;
};
