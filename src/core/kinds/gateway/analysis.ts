import { fmtNum, listWords, plural } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { gatewayDocument } from './document';

/** A gateway: its routes, rate limit and auth check; its instances hold requests in their slots. */
export const gatewayAnalysis: KindAnalysis<'gateway'> = {
  role: () => gatewayDocument.name,
  responsibilities(n, ctx) {
    const c = n.config;
    const routes = c.routes.map((r) => {
      const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`);
      const when = headers.length > 0 ? ` with ${listWords(headers)}` : '';
      const rewrite = r.rewritePath ? ` (rewritten to ${r.rewritePath})` : '';
      return `${r.pathPrefix}${when} to ${ctx.graph.label(r.target)}${rewrite}`;
    });
    const parts = [
      routes.length > 0 ? `Routes ${listWords(routes)}` : 'Has no routes (every request gets 404)',
    ];
    parts.push(
      c.rateLimit
        ? `rate-limits to ${fmtNum(c.rateLimit.ratePerSec)} req/s (burst ${c.rateLimit.burst})`
        : 'applies no rate limit',
    );
    if (c.auth) parts.push(`requires the ${c.auth.requiredHeader} header`);
    return `${parts.join('; ')}. ${plural(c.instances, 'instance')} x ${c.concurrency} slots.`;
  },
  slots: (n) => n.config.instances * n.config.concurrency,
};
