import { compilePattern } from './patterns';
import type { NodeOfKind } from './schema';

/**
 * Which endpoint or route takes a request, as the runtime decides it, read from the document alone:
 * the static analysis and the clock check (clockLoops.ts) both follow requests with it.
 */

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

/** Istio (RE2) header regexes match the whole value, in linear time; an invalid one matches nothing. */
function fullMatch(source: string, value: string): boolean {
  const compiled = compilePattern(source);
  return compiled.ok && compiled.pattern.matches(value);
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
