import type {
  IDestinationRule,
  IGateway,
  IVirtualService,
} from '@kubernetes-models/istio/networking.istio.io/v1beta1';
import type {
  IAuthorizationPolicy,
  IPeerAuthentication,
} from '@kubernetes-models/istio/security.istio.io/v1beta1';
import type { ArchNode, EdgeConfig, NodeOfKind } from '../core';
import type { DocIndex } from '../docIndex';
import { durationText } from '../durations';
import { derivedName, k8sName, principalOf } from '../names';
import {
  ANNOTATION_IMPLICIT_ROUTE,
  ANNOTATION_POLICY,
  type K8sContext,
  type K8sObject,
  metaFor,
} from './meta';
import { istioRetries } from './retries';
import { versionLabel } from './workloads';

const NETWORKING = 'networking.istio.io/v1beta1';
const SECURITY = 'security.istio.io/v1beta1';

type HttpRoute = NonNullable<NonNullable<IVirtualService['spec']>['http']>[number];
type TrafficPolicy = NonNullable<NonNullable<IDestinationRule['spec']>['trafficPolicy']>;
type StringMatch = { exact: string } | { prefix: string } | { regex: string };

/** Regex standing for "the header is present", Istio having no presence match of its own. */
export const PRESENT_REGEX = '.*';

/** The Kubernetes host that a call to `targetId` goes to: a sidecar's traffic goes to its service's host. */
function hostOf(index: DocIndex, targetId: string): string {
  const node = index.nodes.get(targetId);
  if (node?.kind === 'proxy' && node.config.attachedTo !== undefined) return k8sName(node.config.attachedTo);
  return k8sName(targetId);
}

/** The version subset of a target service, for route destinations and DestinationRule subsets. */
function subsetOf(index: DocIndex, targetId: string): string | undefined {
  const node = index.nodes.get(targetId);
  const service = node?.kind === 'proxy' ? index.nodeOf(node.config.attachedTo, 'service') : node;
  return service?.kind === 'service' ? versionLabel(service.config.version) : undefined;
}

/** Relative weights as integer percentages summing to 100 (largest remainder), as Istio requires. */
function percentages(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 100 && weights.every(Number.isInteger)) return [...weights];
  if (total <= 0) return weights.map((_, i) => (i === 0 ? 100 : 0));
  const exact = weights.map((w) => (w * 100) / total);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

function edgeTiming(config: EdgeConfig): Pick<HttpRoute, 'retries' | 'timeout'> {
  const out: Pick<HttpRoute, 'retries' | 'timeout'> = { retries: istioRetries(config.retry) };
  if (config.timeoutMs > 0) out.timeout = durationText(config.timeoutMs);
  return out;
}

function headerMatch(
  match: NodeOfKind<'proxy'>['config']['routes'][number]['match']['headers'][string],
): StringMatch {
  switch (match.kind) {
    case 'exact':
      return { exact: match.value };
    case 'prefix':
      return { prefix: match.value };
    case 'regex':
      return { regex: match.value };
    case 'present':
      return { regex: PRESENT_REGEX };
  }
}

/**
 * The proxy's VirtualService: one HTTP route per archplay route, in order (first match wins), with
 * weighted destinations (percentages) on the service hosts and version subsets. Retries and timeout
 * of a route are those of the edge to its first destination. A proxy without routes sends everything
 * to its service: one route, marked implicit so the import gives back an empty list.
 */
function virtualService(
  proxy: NodeOfKind<'proxy'>,
  service: string,
  index: DocIndex,
  ctx: K8sContext,
): K8sObject {
  const routes = proxy.config.routes;
  const implicit = routes.length === 0;
  const http: HttpRoute[] = implicit
    ? [
        {
          route: [{ destination: { host: k8sName(service), subset: subsetOf(index, service) } }],
          ...edgeTiming(index.edgeConfig(proxy.id, service)),
        },
      ]
    : routes.map((route) => {
        const out: HttpRoute = {};
        if (route.name !== '') out.name = route.name;
        const match: NonNullable<HttpRoute['match']>[number] = {};
        if (route.match.pathPrefix !== undefined) match.uri = { prefix: route.match.pathPrefix };
        const headers = Object.entries(route.match.headers);
        if (headers.length > 0)
          match.headers = Object.fromEntries(headers.map(([h, m]) => [h, headerMatch(m)]));
        if (Object.keys(match).length > 0) out.match = [match];
        const weights = percentages(route.destinations.map((d) => d.weight));
        out.route = route.destinations.map((d, i) => {
          const destination = { host: hostOf(index, d.target), subset: subsetOf(index, d.target) };
          return route.destinations.length === 1 ? { destination } : { destination, weight: weights[i]! };
        });
        return { ...out, ...edgeTiming(index.edgeConfig(proxy.id, route.destinations[0]!.target)) };
      });
  const extra: Record<string, string> = implicit ? { [ANNOTATION_IMPLICIT_ROUTE]: 'true' } : {};
  const body: IVirtualService = {
    apiVersion: NETWORKING,
    kind: 'VirtualService',
    metadata: metaFor(proxy.id, k8sName(proxy.id), ctx, extra),
    spec: { hosts: [k8sName(service)], http },
  };
  return body as K8sObject;
}

function loadBalancer(config: EdgeConfig): TrafficPolicy['loadBalancer'] {
  const lb = config.loadBalancer;
  switch (lb.policy) {
    case 'random':
      return { simple: 'RANDOM' };
    case 'leastRequest':
      return { simple: 'LEAST_REQUEST' };
    case 'consistentHash':
      return { consistentHash: { httpHeaderName: lb.hashHeader } };
    default:
      // Per-instance weights have no Istio form; the ConfigMap keeps them.
      return { simple: 'ROUND_ROBIN' };
  }
}

/**
 * The DestinationRule of one destination host, as proxy `proxy` calls it: the edge's load balancer,
 * the proxy's connection pool and outlier detection (Envoy's panic threshold as minHealthPercent),
 * and the version subset routes refer to.
 */
function destinationRule(
  proxy: NodeOfKind<'proxy'>,
  target: ArchNode,
  index: DocIndex,
  ctx: K8sContext,
): K8sObject {
  const config = index.edgeConfig(proxy.id, target.id);
  const od = proxy.config.outlierDetection;
  const trafficPolicy: TrafficPolicy = {
    loadBalancer: loadBalancer(config),
    connectionPool: {
      tcp: { maxConnections: proxy.config.connectionPool.maxConnections },
      http: { http1MaxPendingRequests: proxy.config.connectionPool.maxPendingRequests },
    },
  };
  if (od.enabled) {
    trafficPolicy.outlierDetection = {
      consecutive5xxErrors: od.consecutive5xx,
      baseEjectionTime: durationText(od.baseEjectionTimeMs),
      maxEjectionPercent: Math.round(od.maxEjectionPercent),
      minHealthPercent: Math.round(config.loadBalancer.panicThresholdPercent),
    };
  }
  const host = hostOf(index, target.id);
  const subset = subsetOf(index, target.id);
  const body: IDestinationRule = {
    apiVersion: NETWORKING,
    kind: 'DestinationRule',
    metadata: metaFor(proxy.id, host, ctx),
    spec: {
      host,
      trafficPolicy,
      ...(subset === undefined ? {} : { subsets: [{ name: subset, labels: { version: subset } }] }),
    },
  };
  return body as K8sObject;
}

function authorizationPolicies(proxy: NodeOfKind<'proxy'>, service: string, ctx: K8sContext): K8sObject[] {
  return proxy.config.policies.map((policy, i) => {
    const rule: NonNullable<NonNullable<IAuthorizationPolicy['spec']>['rules']>[number] = {};
    if (policy.principals.length > 0) {
      rule.from = [{ source: { principals: policy.principals.map((p) => principalOf(p, ctx.namespace)) } }];
    }
    const operation: { paths?: string[]; methods?: string[] } = {};
    if (policy.paths.length > 0) operation.paths = [...policy.paths];
    if (policy.methods.length > 0) operation.methods = [...policy.methods];
    if (Object.keys(operation).length > 0) rule.to = [{ operation }];
    const body: IAuthorizationPolicy = {
      apiVersion: SECURITY,
      kind: 'AuthorizationPolicy',
      metadata: metaFor(proxy.id, derivedName(k8sName(proxy.id), policy.name || `policy-${i}`), ctx, {
        [ANNOTATION_POLICY]: policy.name,
      }),
      spec: { selector: { matchLabels: { app: k8sName(service) } }, action: policy.action, rules: [rule] },
    };
    return body as K8sObject;
  });
}

function peerAuthentication(proxy: NodeOfKind<'proxy'>, service: string, ctx: K8sContext): K8sObject {
  const body: IPeerAuthentication = {
    apiVersion: SECURITY,
    kind: 'PeerAuthentication',
    metadata: metaFor(proxy.id, k8sName(proxy.id), ctx),
    spec: { selector: { matchLabels: { app: k8sName(service) } }, mtls: { mode: proxy.config.mtls } },
  };
  return body as K8sObject;
}

/**
 * The Istio objects of one sidecar: VirtualService, a DestinationRule per destination host not yet
 * claimed by another proxy (`claimedHosts`), one AuthorizationPolicy per policy, a PeerAuthentication.
 */
export function proxyObjects(
  proxy: NodeOfKind<'proxy'>,
  service: string,
  index: DocIndex,
  ctx: K8sContext,
  claimedHosts: Set<string>,
): K8sObject[] {
  const targets: ArchNode[] = [];
  const ids =
    proxy.config.routes.length === 0
      ? [service]
      : proxy.config.routes.flatMap((r) => r.destinations.map((d) => d.target));
  for (const id of [service, ...ids]) {
    const node = index.nodes.get(id);
    if (node === undefined || targets.includes(node)) continue;
    targets.push(node);
  }
  const rules: K8sObject[] = [];
  for (const target of targets) {
    const host = hostOf(index, target.id);
    if (claimedHosts.has(host)) continue;
    claimedHosts.add(host);
    rules.push(destinationRule(proxy, target, index, ctx));
  }
  return [
    virtualService(proxy, service, index, ctx),
    ...rules,
    ...authorizationPolicies(proxy, service, ctx),
    peerAuthentication(proxy, service, ctx),
  ];
}

/**
 * An API gateway as an Istio ingress Gateway plus the VirtualService bound to it: one HTTP route per
 * gateway route (path prefix, exact headers, rewrite, timeout), with the retries of the gateway's edge
 * to the route's target.
 */
export function gatewayObjects(
  gateway: NodeOfKind<'gateway'>,
  index: DocIndex,
  ctx: K8sContext,
): K8sObject[] {
  const name = k8sName(gateway.id);
  const gatewayBody: IGateway = {
    apiVersion: NETWORKING,
    kind: 'Gateway',
    metadata: metaFor(gateway.id, name, ctx),
    spec: {
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
    },
  };
  const http: HttpRoute[] = gateway.config.routes.map((route) => {
    const match: NonNullable<HttpRoute['match']>[number] = { uri: { prefix: route.pathPrefix } };
    const headers = Object.entries(route.headers);
    if (headers.length > 0) match.headers = Object.fromEntries(headers.map(([h, v]) => [h, { exact: v }]));
    const out: HttpRoute = { match: [match] };
    if (route.rewritePath !== undefined) out.rewrite = { uri: route.rewritePath };
    out.route = [{ destination: { host: hostOf(index, route.target) } }];
    out.retries = istioRetries(index.edgeConfig(gateway.id, route.target).retry);
    if (route.timeoutMs > 0) out.timeout = durationText(route.timeoutMs);
    return out;
  });
  const routesBody: IVirtualService = {
    apiVersion: NETWORKING,
    kind: 'VirtualService',
    metadata: metaFor(gateway.id, derivedName(name, 'routes'), ctx),
    spec: { hosts: ['*'], gateways: [name], http },
  };
  return [gatewayBody as K8sObject, routesBody as K8sObject];
}
