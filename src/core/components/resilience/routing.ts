import type { Rng } from '../../engine/rng';
import { compilePattern, type Pattern } from '../../model/patterns';

/** Request headers with lower-case names (HTTP header names are case-insensitive). */
export type Headers = Readonly<Record<string, string>>;

/** Lower-cases header names once, e.g. per request template, so per-request matching allocates nothing. */
export function normalizeHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** An Istio HTTPMatchRequest header condition (schema `headerMatchSchema`). */
type HeaderMatch =
  | { kind: 'exact'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'regex'; value: string }
  | { kind: 'present' };

/** One mesh route of the document (schema `meshRouteSchema`). */
export interface MeshRouteSpec {
  name?: string;
  match?: { pathPrefix?: string; headers?: Readonly<Record<string, HeaderMatch>> };
  destinations: readonly { target: string; weight: number }[];
}

/** One API-gateway route of the document (schema `gatewayRouteSchema`). */
export interface GatewayRouteSpec {
  pathPrefix: string;
  headers?: Readonly<Record<string, string>>;
  target: string;
  rewritePath?: string;
  timeoutMs: number;
}

interface HeaderCondition {
  name: string;
  kind: HeaderMatch['kind'];
  value: string;
  pattern: Pattern | null;
}

interface CompiledMatch {
  pathPrefix: string;
  headers: HeaderCondition[];
}

function compileHeaders(headers: Readonly<Record<string, HeaderMatch>>, where: string): HeaderCondition[] {
  return Object.entries(headers).map(([name, m]) => {
    let pattern: Pattern | null = null;
    if (m.kind === 'regex') {
      // Istio's RE2 semantics: the whole value, in linear time (validation refused invalid ones).
      const compiled = compilePattern(m.value);
      if (!compiled.ok)
        throw new Error(`${where}.headers.${name}: ${JSON.stringify(m.value)} ${compiled.message}`);
      pattern = compiled.pattern;
    }
    return { name: name.toLowerCase(), kind: m.kind, value: m.kind === 'present' ? '' : m.value, pattern };
  });
}

function matchesRequest(m: CompiledMatch, path: string, headers: Headers): boolean {
  if (!path.startsWith(m.pathPrefix)) return false;
  for (const c of m.headers) {
    const v = headers[c.name];
    if (v === undefined) return false;
    switch (c.kind) {
      case 'exact':
        if (v !== c.value) return false;
        break;
      case 'prefix':
        if (!v.startsWith(c.value)) return false;
        break;
      case 'regex':
        if (!c.pattern!.matches(v)) return false;
        break;
      case 'present':
        break;
    }
  }
  return true;
}

/**
 * A sidecar's routing table with Istio VirtualService semantics: routes are tried in order and the
 * first whose conditions all hold wins (path prefix as Envoy's plain string prefix; headers exact,
 * prefix, full-match regex or present); its destinations then split traffic by weight with a
 * uniform draw over the weight total (Envoy weighted_clusters), so a 0-weight destination is never
 * chosen, while a lone destination takes all traffic whatever its weight (Istio). No match means
 * Envoy's 404 (NR); the caller decides whether that is an error or a pass-through.
 */
export class MeshRouter {
  private readonly matches: CompiledMatch[];
  private readonly targets: string[][];
  private readonly cumulative: Float64Array[];
  /** Requests matched per route, for the per-route metrics. */
  readonly hits: Int32Array;

  /** Compiles the routes once; throws an Error naming the route on an invalid regex (validation refuses them first). */
  constructor(readonly routes: readonly MeshRouteSpec[]) {
    this.matches = routes.map((r, i) => ({
      pathPrefix: r.match?.pathPrefix ?? '',
      headers: compileHeaders(r.match?.headers ?? {}, `routes[${i}].match`),
    }));
    this.targets = routes.map((r) => r.destinations.map((d) => d.target));
    this.cumulative = routes.map((r) => {
      const cum = new Float64Array(r.destinations.length);
      let sum = 0;
      r.destinations.forEach((d, k) => {
        sum += Math.max(0, d.weight);
        cum[k] = sum;
      });
      return cum;
    });
    this.hits = new Int32Array(routes.length);
  }

  /** The index of the first route matching the request, or -1. */
  match(path: string, headers: Headers): number {
    for (let i = 0; i < this.matches.length; i++) {
      if (matchesRequest(this.matches[i]!, path, headers)) {
        this.hits[i]!++;
        return i;
      }
    }
    return -1;
  }

  /** Draws a destination target of route `routeIndex`, or null when all its weights are 0. */
  pickDestination(routeIndex: number, rng: Rng): string | null {
    const targets = this.targets[routeIndex]!;
    if (targets.length === 1) return targets[0]!;
    const cum = this.cumulative[routeIndex]!;
    const total = cum[cum.length - 1]!;
    if (!(total > 0)) return null;
    const r = rng.next() * total;
    let k = 0;
    while (k < cum.length - 1 && cum[k]! <= r) k++;
    // If rounding made r reach the total, step back over trailing zero-weight destinations.
    while (k > 0 && cum[k]! === cum[k - 1]!) k--;
    return targets[k]!;
  }

  /** Matches and splits in one call: the chosen target, or null when no route (or no weight) applies. */
  route(path: string, headers: Headers, rng: Rng): string | null {
    const i = this.match(path, headers);
    return i < 0 ? null : this.pickDestination(i, rng);
  }
}

/**
 * An API gateway's route table with Spring Cloud Gateway semantics: routes are tried in document
 * order (no implicit longest-prefix sorting) and the first whose path prefix and exact header
 * values all match wins; no match is a 404.
 */
export class GatewayRouter {
  private readonly matches: CompiledMatch[];

  constructor(readonly routes: readonly GatewayRouteSpec[]) {
    this.matches = routes.map((r) => ({
      pathPrefix: r.pathPrefix,
      headers: Object.entries(r.headers ?? {}).map(([name, value]) => ({
        name: name.toLowerCase(),
        kind: 'exact' as const,
        value,
        pattern: null,
      })),
    }));
  }

  /** The index of the first matching route, or -1 (404). */
  match(path: string, headers: Headers): number {
    for (let i = 0; i < this.matches.length; i++)
      if (matchesRequest(this.matches[i]!, path, headers)) return i;
    return -1;
  }

  /** The path sent upstream by route `routeIndex`: its rewrite, or the request path. */
  upstreamPath(routeIndex: number, path: string): string {
    return this.routes[routeIndex]!.rewritePath ?? path;
  }
}
