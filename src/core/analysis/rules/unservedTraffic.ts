import { finding, type Rule } from '../context';
import type { ArchGraph } from '../graph';
import { fmtNum } from '../numbers';
import type { Finding, Fix, UnservedTraffic } from '../types';

const reasons: Record<UnservedTraffic['reason'], string> = {
  noRoute: 'matches no route (404)',
  noEndpoint: 'matches no endpoint (404)',
  methodNotAllowed: 'hits a path whose endpoint takes another method (405)',
  noEdge: 'needs a link that does not exist (502)',
  noTarget: 'is sent to a node that does not serve requests',
  denied: 'is refused by an authorization policy (403)',
};

/** A gateway's first link to a service or sidecar that no route uses: routing to it is the likely fix. */
function routeFix(graph: ArchGraph, nodeId: string): Fix[] {
  const gateway = graph.node(nodeId);
  if (gateway?.kind !== 'gateway') return [];
  const unrouted = graph
    .from(nodeId)
    .find((e) => e.kind === 'sync' && !gateway.config.routes.some((r) => r.target === e.target));
  if (!unrouted) return [];
  return [
    { label: `Route to ${graph.label(unrouted.target)}`, change: { kind: 'wire', edgeId: unrouted.id } },
  ];
}

/**
 * Flags traffic the flow analysis found no handler for: requests that match no gateway or mesh
 * route, no endpoint, or the wrong method (a step or route naming a node without a link is
 * unlinkedReference's finding, whether traffic reaches it or not).
 */
export const unservedTrafficRule: Rule = ({ graph, load }) =>
  load.unserved
    .filter((u) => u.reason !== 'noEdge')
    .map((u): Finding => {
      const label = graph.label(u.nodeId);
      const denied = u.reason === 'denied';
      return finding(`unserved-${u.reason}`, `${u.nodeId}/${u.request}`, denied ? 'info' : 'critical', {
        title: `${u.request} ${reasons[u.reason].replace(/ \(\d+\)$/, '')} at ${label}`,
        detail: `About ${fmtNum(u.ratePerSec)} req/s of ${u.request} reach ${label} and the request ${reasons[u.reason]}.`,
        nodeIds: [u.nodeId],
        suggestion: denied
          ? 'Fine if the policy is meant to block these callers; otherwise allow the path.'
          : 'Add the route or endpoint, or fix the request path and method.',
        problem: !denied,
        fixes: u.reason === 'noRoute' ? routeFix(graph, u.nodeId) : [],
      });
    });
