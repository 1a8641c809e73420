import { finding, type Rule } from '../context';
import { fmtNum } from '../numbers';
import type { Finding, UnservedTraffic } from '../types';

const reasons: Record<UnservedTraffic['reason'], string> = {
  noRoute: 'matches no route (404)',
  noEndpoint: 'matches no endpoint (404)',
  methodNotAllowed: 'hits a path whose endpoint takes another method (405)',
  noEdge: 'needs a link that does not exist (502)',
  noTarget: 'is sent to a node that does not serve requests',
  denied: 'is refused by an authorization policy (403)',
};

/**
 * Flags traffic the flow analysis found no handler for: requests that match no gateway or mesh
 * route, no endpoint, the wrong method, or steps whose target has no edge (the runtime fails them).
 */
export const unservedTrafficRule: Rule = ({ graph, load }) =>
  load.unserved.map((u): Finding => {
    const label = graph.label(u.nodeId);
    const missingEdge = u.reason === 'noEdge';
    const [request, target] = u.request.split(' -> ');
    return finding(
      `unserved-${u.reason}`,
      `${u.nodeId}/${u.request}`,
      missingEdge ? 'critical' : u.reason === 'denied' ? 'info' : 'warning',
      {
        title: missingEdge
          ? `${label} has no link to ${graph.label(target ?? '')}`
          : `${request} ${reasons[u.reason].replace(/ \(\d+\)$/, '')} at ${label}`,
        detail: missingEdge
          ? `While handling ${request}, ${label} calls ${graph.label(target ?? '')} but the diagram has no edge between them: about ${fmtNum(u.ratePerSec)} requests/s fail there with 502.`
          : `About ${fmtNum(u.ratePerSec)} req/s of ${request} reach ${label} and the request ${reasons[u.reason]}.`,
        nodeIds: missingEdge && target ? [u.nodeId, target] : [u.nodeId],
        suggestion: missingEdge
          ? `Draw an edge from ${label} to ${graph.label(target ?? '')}.`
          : u.reason === 'denied'
            ? 'Fine if the policy is meant to block these callers; otherwise allow the path.'
            : 'Add the route or endpoint, or fix the request path and method.',
      },
    );
  });
