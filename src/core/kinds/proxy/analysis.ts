import { fmtPercent, listWords, plural } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { proxyDocument } from './document';

/** A sidecar: its routes and splits, policies, mTLS, pool and outlier detection. */
export const proxyAnalysis: KindAnalysis<'proxy'> = {
  role: (n) => (n.config.attachedTo ? 'sidecar proxy' : proxyDocument.name),
  responsibilities(n, ctx) {
    const c = n.config;
    const head = c.attachedTo ? `Sidecar of ${ctx.graph.label(c.attachedTo)}` : 'Standalone proxy';
    const routes = c.routes.map((r) => {
      const conds = Object.entries(r.match.headers).map(([k, m]) =>
        m.kind === 'present' ? `${k} present` : `${k} ${m.kind} "${m.value}"`,
      );
      if (r.match.pathPrefix) conds.unshift(`path ${r.match.pathPrefix}`);
      const total = r.destinations.reduce((s, d) => s + d.weight, 0);
      const dests =
        r.destinations.length === 1
          ? ctx.graph.label(r.destinations[0]!.target)
          : r.destinations
              .map((d) => `${total > 0 ? fmtPercent(d.weight / total) : '0%'} ${ctx.graph.label(d.target)}`)
              .join(' / ');
      return `${conds.length > 0 ? `when ${listWords(conds)}` : 'otherwise'} to ${dests}`;
    });
    const parts = [head];
    if (routes.length > 0) parts.push(`routes ${routes.join('; ')}`);
    if (c.policies.length > 0)
      parts.push(`enforces ${plural(c.policies.length, 'authorization policy', 'authorization policies')}`);
    parts.push(`mTLS ${c.mtls}`);
    parts.push(
      `pool ${c.connectionPool.maxConnections} connections / ${c.connectionPool.maxPendingRequests} pending`,
    );
    if (c.outlierDetection.enabled)
      parts.push(`ejects an upstream after ${c.outlierDetection.consecutive5xx} consecutive 5xx`);
    return `${parts.join('; ')}.`;
  },
  // A sidecar is one process whose connection pool bounds the requests it holds.
  slots: (n) => n.config.connectionPool.maxConnections,
};
