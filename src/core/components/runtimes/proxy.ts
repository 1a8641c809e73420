import { z } from 'zod';
import type { Sfc32 } from '../../engine/rng';
import { CAUSE, type FailureCause } from '../../metrics/failureCause';
import { authorizationPolicySchema, meshRouteSchema, type NodeOfKind } from '../../model/schema';
import { callStep, type Endpoint, type Resolver, workStep } from '../../sim/endpoints';
import { StationRuntime } from '../../sim/station';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { Authorizer, acceptConnection, callerSendsMtls, type MtlsMode } from '../resilience/authorization';
import type { ConfigValue } from '../resilience/configStore';
import { ResilientCallPolicy } from '../resilience/resilientCallPolicy';
import { MeshRouter, type MeshRouteSpec } from '../resilience/routing';
import { lowerCaseHeaders } from './headerCache';
import { ManagedRuntime } from './managedRuntime';
import { configWeights } from './outgoingSettings';
import { ProxiedRequest, RouteMetrics } from './proxyRequest';

type ProxyConfig = NodeOfKind<'proxy'>['config'];

const routesSchema = z.array(meshRouteSchema);
const policiesSchema = z.array(authorizationPolicySchema);

/**
 * The sidecar's request path before a request takes a connection-pool slot: mTLS (a STRICT proxy
 * resets plaintext connections: the caller sees a connect failure), Istio authorization (403), then
 * the mesh routes (first match wins, weighted destinations; no match = 404). With no routes the
 * proxy forwards everything to the service it is attached to (or its first sync edge).
 */
class ProxyFilters implements Resolver {
  router: MeshRouter | null = null;
  authorizer: Authorizer;
  mtls: MtlsMode;
  routeMetrics: RouteMetrics[] = [];
  readonly defaultRoute = new RouteMetrics('default');
  private readonly endpoints = new Map<string, Endpoint>();
  private meshMembers = new Set<string>();
  private defaultEndpoint: Endpoint | null = null;
  /** The request being resolved (the station's resolver sees only method, path and headers). */
  current: ProxiedRequest | null = null;
  mtlsRefused = 0;
  /** Denials by authorizers replaced since (policies pushed at run time). */
  deniedBefore = 0;
  notFound = 0;
  /** Rule versions pushed by a control plane. */
  rulesVersion = 0;

  constructor(
    private readonly world: World,
    private readonly nodeId: string,
    private readonly config: ProxyConfig,
    private readonly rng: Sfc32,
  ) {
    this.authorizer = new Authorizer(config.policies);
    this.mtls = config.mtls;
    this.setRoutes(config.routes);
  }

  /** Resolves edges and mesh membership once every node and edge exists. */
  init(): void {
    for (const node of this.world.document.nodes) {
      if (node.kind !== 'proxy') continue;
      this.meshMembers.add(node.id);
      if (node.config.attachedTo) this.meshMembers.add(node.config.attachedTo);
    }
    const c = this.config;
    const links = this.world.linksFrom(this.nodeId).filter((l) => l.edge.kind === 'sync');
    const fallback = (c.attachedTo ? this.world.link(this.nodeId, c.attachedTo) : undefined) ?? links[0];
    this.defaultEndpoint = fallback ? this.endpointFor(fallback.target.id) : null;
    const od = c.outlierDetection;
    if (!od.enabled) return;
    for (const link of links) {
      if (link.policy instanceof ResilientCallPolicy && link.policy.outlierDetector === null) {
        link.policy.enableOutlierDetection(link.target.instances.count, od);
      }
    }
  }

  setRoutes(routes: readonly MeshRouteSpec[]): void {
    this.router = routes.length > 0 ? new MeshRouter(routes) : null;
    this.routeMetrics = routes.map((r, i) => new RouteMetrics(r.name || `route ${i}`));
  }

  endpointFor(target: string): Endpoint {
    let ep = this.endpoints.get(target);
    if (ep === undefined) {
      const link = this.world.link(this.nodeId, target) ?? null;
      ep = {
        name: `${this.nodeId} -> ${target}`,
        steps: [workStep(null), callStep(link, target, null, null, null, true, -1)],
        propagate: true,
      };
      this.endpoints.set(target, ep);
    }
    return ep;
  }

  resolve(method: string, path: string, headers: Readonly<Record<string, string>>): Endpoint | FailureCause {
    const req = this.current;
    if (req === null) return CAUSE.noRoute;
    const security = acceptConnection(
      this.mtls,
      callerSendsMtls(this.meshMembers.has(req.sourceId), this.mtls),
    );
    if (security === 'refused') {
      this.mtlsRefused++;
      return CAUSE.tlsRefused;
    }
    const principal = security === 'mtls' ? req.sourceId : null;
    if (this.authorizer.check(principal, path, method) !== 'allow') return CAUSE.forbidden;
    const router = this.router;
    if (router === null) {
      if (this.defaultEndpoint === null) return CAUSE.notWired;
      req.route = this.defaultRoute;
      return this.defaultEndpoint;
    }
    const i = router.match(path, lowerCaseHeaders(headers));
    if (i < 0) {
      this.notFound++;
      return CAUSE.noRoute;
    }
    req.route = this.routeMetrics[i]!;
    const target = router.pickDestination(i, this.rng);
    // Every destination weighing 0: Envoy answers 503 (no healthy upstream).
    return target === null ? CAUSE.noHealthyUpstream : this.endpointFor(target);
  }

  /** Applies a rule pushed by the control plane; false for an unknown key or an invalid value. */
  apply(key: string, value: ConfigValue): boolean {
    if (key === 'mtls') {
      if (value !== 'DISABLE' && value !== 'PERMISSIVE' && value !== 'STRICT') return false;
      this.mtls = value;
    } else if (key === 'routes' || key === 'policies') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(value));
      } catch {
        return false;
      }
      if (key === 'routes') {
        const r = routesSchema.safeParse(parsed);
        if (!r.success) return false;
        this.setRoutes(r.data);
      } else {
        const p = policiesSchema.safeParse(parsed);
        if (!p.success) return false;
        this.deniedBefore += this.authorizer.denied;
        this.authorizer = new Authorizer(p.data);
      }
    } else if (key.startsWith('weights.')) {
      if (!this.setWeights(key.slice('weights.'.length), value)) return false;
    } else {
      return false;
    }
    this.rulesVersion++;
    return true;
  }

  /** `weights.<route name or index>` = "90,10": new destination weights for one route. */
  private setWeights(routeRef: string, value: ConfigValue): boolean {
    const routes = this.router?.routes;
    const weights = configWeights(value);
    if (!routes || !weights) return false;
    let index = routes.findIndex((r) => r.name === routeRef);
    if (index < 0 && /^\d+$/.test(routeRef)) index = Number(routeRef);
    const route = routes[index];
    if (!route || weights.length !== route.destinations.length) return false;
    const next = routes.map((r, i) =>
      i === index ? { ...r, destinations: r.destinations.map((d, k) => ({ ...d, weight: weights[k]! })) } : r,
    );
    const metrics = this.routeMetrics;
    this.setRoutes(next);
    // The route keeps its counters across a weight change.
    this.routeMetrics = metrics;
    return true;
  }
}

/** A proxy's section of its summary entry: refusals by cause, per-route metrics, ejections per upstream. */
export interface ProxySummary {
  denied: number;
  mtlsRefused: number;
  notFound: number;
  overflowed: number;
  rulesVersion: number;
  routes: { name: string; count: number; totalTimeMs: number; errors: number }[];
  /** Outlier ejections so far, per upstream node id. */
  ejections: Record<string, number>;
}

/**
 * A sidecar proxy (Envoy under Istio): one instance, a station whose connection pool bounds what it
 * holds: under `eventLoop` (the default) `concurrency` worker slots busy only while the proxy works
 * and `maxConnections` requests at once; under `threadPerRequest` `maxConnections` slots held for the
 * whole request. `maxPendingRequests` queue places either way (overflow is a fast 503), the
 * {@link ProxyFilters} in front, per-route metrics, and outlier detection on every upstream edge.
 * Rules pushed by a control plane (`routes`, `policies` as JSON, `mtls`, `weights.<route>`) apply
 * from their arrival on.
 */
export class ProxyRuntime extends ManagedRuntime {
  private readonly pool: ProxiedRequest[] = [];

  constructor(
    world: World,
    station: StationRuntime,
    private readonly filters: ProxyFilters,
  ) {
    super(world, station);
  }

  override init(): void {
    super.init();
    this.filters.init();
  }

  override handle(req: NodeRequest): void {
    const p = ProxiedRequest.wrap(this.pool, this.world, req);
    const f = this.filters;
    f.current = p;
    this.inner.handle(p);
    f.current = null;
  }

  /** Whether a route (or the default forward) takes the path, ignoring header conditions. */
  override accepts(_method: string, path: string): boolean {
    const router = this.filters.router;
    if (router === null) return true;
    return router.routes.some((r) => path.startsWith(r.match?.pathPrefix ?? ''));
  }

  override applyConfig(key: string, value: ConfigValue): boolean {
    return this.filters.apply(key, value) || super.applyConfig(key, value);
  }

  override summary(): { proxy: ProxySummary } {
    const f = this.filters;
    const routes = f.router === null ? [f.defaultRoute] : f.routeMetrics;
    const ejections: Record<string, number> = {};
    for (const link of this.world.linksFrom(this.id)) {
      const d = link.policy instanceof ResilientCallPolicy ? link.policy.outlierDetector : null;
      if (d) ejections[link.target.id] = d.ejectionsTotal;
    }
    return {
      proxy: {
        denied: f.deniedBefore + f.authorizer.denied,
        mtlsRefused: f.mtlsRefused,
        notFound: f.notFound,
        overflowed: this.stats.rejected,
        rulesVersion: f.rulesVersion,
        routes: routes.map((r) => ({
          name: r.name,
          count: r.count,
          totalTimeMs: Math.round(r.totalTimeMs * 1000) / 1000,
          errors: r.errors,
        })),
        ejections,
      },
    };
  }
}

/** Builds a proxy node's runtime. */
export function proxyRuntime(world: World, node: NodeOfKind<'proxy'>): ProxyRuntime {
  const c = node.config;
  const filters = new ProxyFilters(world, node.id, c, world.rng(`mesh:${node.id}`));
  const eventLoop = c.ioModel === 'eventLoop';
  const station = new StationRuntime(
    world,
    node,
    {
      instances: 1,
      // An event loop's workers are its slots and the pool bounds what it holds; a thread-per-request
      // proxy holds a pool connection for the whole request.
      concurrency: eventLoop ? c.concurrency : c.connectionPool.maxConnections,
      queueCapacity: c.connectionPool.maxPendingRequests,
      serviceTimeMs: c.serviceTimeMs,
      errorRate: 0,
      overflowCause: CAUSE.poolExhausted,
      connectionLimitCause: CAUSE.poolExhausted,
      ioModel: c.ioModel,
      maxConnections: c.connectionPool.maxConnections,
    },
    () => filters,
  );
  return new ProxyRuntime(world, station, filters);
}
