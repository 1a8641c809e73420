import type { NodeOfKind } from '../model/schema';

/** Request headers as sent; names compared lower-cased, as HTTP does. */
export type Headers = Readonly<Record<string, string>>;

/** Whether endpoint path `prefix` covers `path` (equal, or a prefix ending at a segment boundary). */
function pathCovers(prefix: string, path: string): boolean {
  if (!path.startsWith(prefix)) return false;
  return path.length === prefix.length || prefix.endsWith('/') || path.charCodeAt(prefix.length) === 47;
}

/** The outcome of matching a request at a service: an endpoint index or why none serves it. */
export type EndpointMatch = { index: number } | { reason: 'noEndpoint' | 'methodNotAllowed' };

/**
 * Matches a request to a service endpoint as the runtime does: the exact path first, then the
 * longest covering prefix with the method; a covered path without the method is "method not allowed".
 */
export function matchEndpoint(service: NodeOfKind<'service'>, method: string, path: string): EndpointMatch {
  let best = -1;
  let bestLength = -1;
  let covered = false;
  service.config.endpoints.forEach((ep, i) => {
    if (!pathCovers(ep.path, path)) return;
    covered = true;
    // Equal lengths keep the first declared, like the runtime's stable sort by length.
    if (ep.method === method && ep.path.length > bestLength) {
      best = i;
      bestLength = ep.path.length;
    }
  });
  if (best >= 0) return { index: best };
  return { reason: covered ? 'methodNotAllowed' : 'noEndpoint' };
}

function headerValue(headers: Headers, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The first gateway route whose path prefix and exact header values match, or -1 (404). */
export function matchGatewayRoute(gateway: NodeOfKind<'gateway'>, path: string, headers: Headers): number {
  return gateway.config.routes.findIndex(
    (r) =>
      path.startsWith(r.pathPrefix) &&
      Object.entries(r.headers).every(([k, v]) => headerValue(headers, k) === v),
  );
}

/** Istio (RE2) header regexes match the whole value; an invalid one matches nothing. */
function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

/** The first mesh route whose conditions hold (Istio VirtualService order), or -1. */
export function matchMeshRoute(proxy: NodeOfKind<'proxy'>, path: string, headers: Headers): number {
  return proxy.config.routes.findIndex((r) => {
    if (r.match.pathPrefix !== undefined && !path.startsWith(r.match.pathPrefix)) return false;
    return Object.entries(r.match.headers).every(([name, m]) => {
      const v = headerValue(headers, name);
      if (v === undefined) return false;
      switch (m.kind) {
        case 'exact':
          return v === m.value;
        case 'prefix':
          return v.startsWith(m.value);
        case 'present':
          return true;
        case 'regex':
          return fullMatch(m.value, v);
      }
      return false;
    });
  });
}

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
