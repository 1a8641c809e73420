import { finding, type Rule } from '../context';
import { fmtNum, fmtPercent } from '../numbers';
import type { Finding } from '../types';

/**
 * Flags public gateways (called by a client) without a rate limit, and rate limits below the peak
 * offered rate, which reject the excess with 429.
 */
export const gatewayRateLimitRule: Rule = ({ graph, nodeLoad }) => {
  const out: Finding[] = [];
  for (const gw of graph.ofKind('gateway')) {
    const clientEdges = graph.to(gw.id).filter((e) => graph.node(e.source)?.kind === 'client');
    if (clientEdges.length === 0) continue;
    const offered = nodeLoad.get(gw.id)?.offeredPerSec ?? 0;
    const label = graph.label(gw.id);
    const limit = gw.config.rateLimit;
    if (limit === null) {
      out.push(
        finding('gateway-without-rate-limit', gw.id, 'warning', {
          title: `${label} has no rate limit`,
          detail: `${label} takes client traffic (${fmtNum(offered)} req/s at peak) without a rate limit: a burst or a misbehaving client passes straight through to the services behind it.`,
          nodeIds: [gw.id, ...clientEdges.map((e) => e.source)],
          edgeIds: clientEdges.map((e) => e.id),
          suggestion:
            'Add a token-bucket rate limit sized to what the services behind the gateway can serve.',
        }),
      );
    } else if (offered > limit.ratePerSec) {
      out.push(
        finding('rate-limit-below-peak', gw.id, 'info', {
          title: `${label} rejects part of the peak with 429`,
          detail: `The peak of ${fmtNum(offered)} req/s exceeds the rate limit of ${fmtNum(limit.ratePerSec)} req/s (burst ${limit.burst}): about ${fmtPercent(1 - limit.ratePerSec / offered)} of requests are refused.`,
          nodeIds: [gw.id],
          suggestion:
            'Confirm the shed share is intended, or raise the limit where the services have headroom.',
        }),
      );
    }
  }
  return out;
};
