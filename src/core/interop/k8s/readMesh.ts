import { parseDuration } from '../durations';
import { callerOfPrincipal } from '../names';
import { asArray, asNumber, asObject, asString } from '../types';
import { PRESENT_REGEX } from './mesh';
import { ISTIO_DEFAULT_RETRIES, readRetries } from './retries';
import type { NameTable, ReadObject } from './skeleton';

/** What the mesh readers share: names, and where to note assumptions and what was ignored. */
export interface ReadContext {
  names: NameTable;
  assumed: string[];
  ignored: string[];
  /** The archplay node a call to a Kubernetes host reaches from outside (a sidecar when there is one). */
  entryOfHost(host: string): string | undefined;
  /** The service node behind a Kubernetes host. */
  serviceOfHost(host: string): string | undefined;
}

/** A host name without its namespace and cluster suffix: `reviews.default.svc.cluster.local` -> `reviews`. */
export function shortHost(host: string): string {
  return host.split('.')[0]!;
}

/** An Istio duration field in ms: absent -> `absentMs`; unreadable -> reported and `absentMs`. */
export function durationField(value: unknown, where: string, absentMs: number, ignored: string[]): number {
  if (value === undefined) return absentMs;
  const ms = typeof value === 'string' ? parseDuration(value) : null;
  if (ms === null) {
    ignored.push(`${where}: "${String(value)}" is not a duration`);
    return absentMs;
  }
  return ms;
}

/** Retries and timeout of an HTTP route, as archplay edge fields. */
export function routeTiming(
  route: Record<string, unknown>,
  where: string,
  ctx: ReadContext,
): Record<string, unknown> {
  const timeoutMs = durationField(route.timeout, `${where}.timeout`, 0, ctx.ignored);
  let retries = asObject(route.retries);
  if (retries === null) {
    ctx.assumed.push(
      `${where}: no retries, so Istio's default applies (2 attempts on ${ISTIO_DEFAULT_RETRIES.retryOn})`,
    );
    retries = ISTIO_DEFAULT_RETRIES;
  }
  return { timeoutMs, retry: readRetries(retries, where, ctx.ignored) };
}

function headerMatch(value: unknown): Record<string, string> | null {
  const m = asObject(value) ?? {};
  if (typeof m.exact === 'string') return { kind: 'exact', value: m.exact };
  if (m.regex === PRESENT_REGEX || m.prefix === '') return { kind: 'present' };
  if (typeof m.prefix === 'string') return { kind: 'prefix', value: m.prefix };
  if (typeof m.regex === 'string') return { kind: 'regex', value: m.regex };
  return null;
}

/** The match of an Istio HTTP route as an archplay mesh-route match (its first match block). */
export function readMatch(
  route: Record<string, unknown>,
  where: string,
  ctx: ReadContext,
): Record<string, unknown> {
  const matches = asArray(route.match);
  if (matches.length > 1)
    ctx.ignored.push(`${where}.match: only the first of ${matches.length} match blocks is read`);
  const first = asObject(matches[0]) ?? {};
  const out: Record<string, unknown> = {};
  const uri = asObject(first.uri);
  if (uri !== null) {
    if (typeof uri.prefix === 'string') out.pathPrefix = uri.prefix;
    else ctx.ignored.push(`${where}.match.uri: only prefix matches are read`);
  }
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(asObject(first.headers) ?? {})) {
    const m = headerMatch(value);
    if (m === null) ctx.ignored.push(`${where}.match.headers.${name}: no exact, prefix or regex`);
    else headers[name] = m;
  }
  out.headers = headers;
  for (const key of Object.keys(first)) {
    if (key !== 'uri' && key !== 'headers') ctx.ignored.push(`${where}.match.${key}: not read`);
  }
  return out;
}

/** Destinations of an Istio HTTP route as archplay targets and weights. */
export function readDestinations(
  route: Record<string, unknown>,
  where: string,
  ctx: ReadContext,
): { target: string; weight: number }[] {
  const out: { target: string; weight: number }[] = [];
  const list = asArray(route.route);
  for (const [i, entry] of list.entries()) {
    const e = asObject(entry) ?? {};
    const host = asString(asObject(e.destination)?.host);
    const target = host === undefined ? undefined : ctx.serviceOfHost(shortHost(host));
    if (target === undefined) {
      ctx.ignored.push(`${where}.route[${i}]: destination host "${host ?? ''}" is no Deployment here`);
      continue;
    }
    out.push({ target, weight: asNumber(e.weight) ?? (list.length === 1 ? 100 : 0) });
  }
  return out;
}

/** AuthorizationPolicies of one workload as archplay policies (one per rule). */
export function readPolicies(objects: readonly ReadObject[], ctx: ReadContext): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const o of objects) {
    const action = asString(o.spec.action) ?? 'ALLOW';
    if (action !== 'ALLOW' && action !== 'DENY') {
      ctx.ignored.push(`${o.where}: action ${action} has no archplay form`);
      continue;
    }
    const rules = asArray(o.spec.rules);
    if (rules.length === 0) {
      ctx.ignored.push(
        `${o.where}: a policy without rules (${action === 'ALLOW' ? 'allow nothing' : 'deny nothing'}) has no archplay form`,
      );
      continue;
    }
    const name = o.annotations['archplay.dev/policy'] ?? o.name;
    for (const [r, ruleValue] of rules.entries()) {
      const rule = asObject(ruleValue) ?? {};
      const principals: string[] = [];
      for (const from of asArray(rule.from)) {
        const source = asObject(asObject(from)?.source) ?? {};
        for (const p of asArray(source.principals)) {
          if (typeof p === 'string') principals.push(callerOfPrincipal(p, (n) => ctx.names.idOf(n)));
        }
        for (const key of Object.keys(source)) {
          if (key !== 'principals') ctx.ignored.push(`${o.where}.rules[${r}].from.source.${key}: not read`);
        }
      }
      const paths: string[] = [];
      const methods: string[] = [];
      for (const to of asArray(rule.to)) {
        const operation = asObject(asObject(to)?.operation) ?? {};
        for (const p of asArray(operation.paths)) if (typeof p === 'string') paths.push(p);
        for (const m of asArray(operation.methods)) if (typeof m === 'string') methods.push(m);
      }
      if (rule.when !== undefined) ctx.ignored.push(`${o.where}.rules[${r}].when: conditions are not read`);
      out.push({ name: rules.length === 1 ? name : `${name}-${r}`, action, principals, paths, methods });
    }
  }
  return out;
}

/** A proxy's connection pool and outlier detection from the DestinationRule of its service's host. */
export function readTrafficPolicy(rule: ReadObject | undefined, ctx: ReadContext): Record<string, unknown> {
  const policy = asObject(rule?.spec.trafficPolicy) ?? {};
  const out: Record<string, unknown> = {};
  const pool = asObject(policy.connectionPool);
  if (pool !== null) {
    const connectionPool: Record<string, unknown> = {};
    const maxConnections = asNumber(asObject(pool.tcp)?.maxConnections);
    const pending = asNumber(asObject(pool.http)?.http1MaxPendingRequests);
    if (maxConnections !== undefined) connectionPool.maxConnections = maxConnections;
    if (pending !== undefined) connectionPool.maxPendingRequests = pending;
    out.connectionPool = connectionPool;
  }
  const od = asObject(policy.outlierDetection);
  if (od === null) {
    out.outlierDetection = { enabled: false };
  } else {
    const where = `${rule!.where}.trafficPolicy.outlierDetection`;
    const consecutive = asNumber(od.consecutive5xxErrors) ?? asNumber(od.consecutiveErrors) ?? 5;
    out.outlierDetection = {
      enabled: consecutive > 0,
      ...(consecutive > 0 ? { consecutive5xx: consecutive } : {}),
      baseEjectionTimeMs: durationField(
        od.baseEjectionTime,
        `${where}.baseEjectionTime`,
        30_000,
        ctx.ignored,
      ),
      maxEjectionPercent: asNumber(od.maxEjectionPercent) ?? 10,
    };
    if (od.interval !== undefined) ctx.ignored.push(`${where}.interval: archplay checks on every reply`);
  }
  return out;
}

/** The load balancer of calls to a host, from its DestinationRule. */
export function readLoadBalancer(rule: ReadObject | undefined, ctx: ReadContext): Record<string, unknown> {
  const policy = asObject(rule?.spec.trafficPolicy) ?? {};
  const lb = asObject(policy.loadBalancer) ?? {};
  const od = asObject(policy.outlierDetection);
  // Envoy's panic threshold: Istio's minHealthPercent (0 unless set) once outlier detection is on, else Envoy's 50 %.
  const panicThresholdPercent = od === null ? 50 : (asNumber(od.minHealthPercent) ?? 0);
  const hash = asObject(lb.consistentHash);
  if (hash !== null) {
    const header = asString(hash.httpHeaderName);
    if (header !== undefined) return { policy: 'consistentHash', hashHeader: header, panicThresholdPercent };
    ctx.ignored.push(`${rule!.where}.trafficPolicy.loadBalancer.consistentHash: only httpHeaderName is read`);
  }
  const simple = asString(lb.simple);
  const policyName =
    simple === 'RANDOM'
      ? 'random'
      : simple === 'LEAST_REQUEST' || simple === 'LEAST_CONN'
        ? 'leastRequest'
        : 'roundRobin';
  if (simple !== undefined && !['RANDOM', 'LEAST_REQUEST', 'LEAST_CONN', 'ROUND_ROBIN'].includes(simple)) {
    ctx.ignored.push(`${rule!.where}.trafficPolicy.loadBalancer.simple: ${simple} read as round robin`);
  }
  return { policy: policyName, panicThresholdPercent };
}
