import { matchEndpoint, matchGatewayRoute } from '../model/requestMatching';
import type { NodeOfKind } from '../model/schema';

export {
  type Headers,
  matchEndpoint,
  matchGatewayRoute,
  matchMeshRoute,
} from '../model/requestMatching';

/** Whether a node would take a request, as a client uses it to choose among its edges. */
export function acceptsRequest(
  node: { kind: string } & (NodeOfKind<'service'> | NodeOfKind<'gateway'> | NodeOfKind<'proxy'>),
  method: string,
  path: string,
): boolean {
  switch (node.kind) {
    case 'service':
      return 'index' in matchEndpoint(node, method, path);
    case 'gateway':
      return matchGatewayRoute(node, path, {}) >= 0;
    case 'proxy':
      return true;
  }
}

function istioMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
  return value === pattern;
}

/**
 * Whether a sidecar's authorization policies refuse a request (403), with Istio semantics: any
 * matching DENY denies; with ALLOW policies, one must match. The caller identity is unknown to a
 * static analysis, so a policy naming principals never denies and may always allow.
 */
export function deniedByPolicy(proxy: NodeOfKind<'proxy'>, method: string, path: string): boolean {
  const policies = proxy.config.policies;
  const fieldsMatch = (p: (typeof policies)[number]) =>
    (p.paths.length === 0 || p.paths.some((x) => istioMatch(x, path))) &&
    (p.methods.length === 0 || p.methods.includes(method));
  if (policies.some((p) => p.action === 'DENY' && p.principals.length === 0 && fieldsMatch(p))) return true;
  const allows = policies.filter((p) => p.action === 'ALLOW');
  return allows.length > 0 && !allows.some(fieldsMatch);
}
