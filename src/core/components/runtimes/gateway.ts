import { CAUSE, type FailureCause } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import { tighterTimeoutMs } from '../../model/timeouts';
import { callStep, type Endpoint, type Resolver, workStep } from '../../sim/endpoints';
import { StationRuntime } from '../../sim/station';
import type { World } from '../../sim/world';
import type { ConfigValue } from '../resilience/configStore';
import { GatewayRouter } from '../resilience/routing';
import { TokenBucket } from '../resilience/tokenBucket';
import { lowerCaseHeaders } from './headerCache';
import { ManagedRuntime } from './managedRuntime';
import { configNumber } from './outgoingSettings';

type GatewayConfig = NodeOfKind<'gateway'>['config'];

/**
 * The request filter chain of an API gateway, run before a request takes a slot: route match in
 * document order (first match wins; none = 404), then the auth check (401 when the required header
 * is missing; Kong runs auth plugins before rate limiting, so refused requests spend no tokens),
 * then one token bucket for the whole gateway (429 when empty).
 */
class GatewayFilters implements Resolver {
  readonly router: GatewayRouter;
  private readonly authHeader: string | null;
  bucket: TokenBucket | null;
  /** The bucket's current settings (config keys change one at a time). */
  ratePerSec: number;
  burst: number;
  private endpoints: Endpoint[] = [];
  readonly routeRequests: Int32Array;
  unauthorized = 0;
  notFound = 0;

  constructor(
    private readonly world: World,
    private readonly nodeId: string,
    private readonly config: GatewayConfig,
  ) {
    this.router = new GatewayRouter(config.routes);
    this.authHeader = config.auth ? config.auth.requiredHeader.toLowerCase() : null;
    this.bucket = config.rateLimit
      ? new TokenBucket(config.rateLimit.ratePerSec, config.rateLimit.burst)
      : null;
    this.ratePerSec = config.rateLimit?.ratePerSec ?? 0;
    this.burst = config.rateLimit?.burst ?? 0;
    this.routeRequests = new Int32Array(config.routes.length);
  }

  /** Compiles one endpoint per route: gateway work, then the upstream call under the route timeout. */
  compile(): void {
    this.endpoints = this.config.routes.map((r) => {
      const link = this.world.link(this.nodeId, r.target) ?? null;
      const edgeTimeout = link ? link.edge.config.timeoutMs : 0;
      const timeout = tighterTimeoutMs(r.timeoutMs, edgeTimeout);
      return {
        name: `route ${r.pathPrefix} -> ${r.target}`,
        steps: [workStep(null), callStep(link, r.target, null, r.rewritePath ?? null, null, true, timeout)],
        propagate: true,
      };
    });
  }

  resolve(_method: string, path: string, headers: Readonly<Record<string, string>>): Endpoint | FailureCause {
    const h = lowerCaseHeaders(headers);
    const route = this.router.match(path, h);
    if (route < 0) {
      this.notFound++;
      return CAUSE.noRoute;
    }
    if (this.authHeader !== null && h[this.authHeader] === undefined) {
      this.unauthorized++;
      return CAUSE.unauthorized;
    }
    if (this.bucket !== null && !this.bucket.tryTake(this.world.sim.now)) return CAUSE.rateLimited;
    this.routeRequests[route]!++;
    return this.endpoints[route]!;
  }
}

/** A gateway's section of its summary entry: refusals by cause and requests per route. */
export interface GatewaySummary {
  rateLimited: number;
  unauthorized: number;
  notFound: number;
  routes: { pathPrefix: string; target: string; requests: number }[];
}

/**
 * An API gateway: a station (instances x concurrency, bounded queue, its own service time) whose
 * requests pass the {@link GatewayFilters} chain and are then forwarded upstream with the route's
 * path rewrite and timeout, the upstream status passed back as is.
 */
export class GatewayRuntime extends ManagedRuntime {
  constructor(
    world: World,
    station: StationRuntime,
    private readonly filters: GatewayFilters,
  ) {
    super(world, station);
  }

  override init(): void {
    this.filters.compile();
    super.init();
  }

  /** Whether some route takes the path (ignoring header conditions), without touching counters or tokens. */
  override accepts(_method: string, path: string): boolean {
    return this.filters.router.routes.some((r) => path.startsWith(r.pathPrefix));
  }

  /** Adds `rateLimit.ratePerSec` and `rateLimit.burst` to the managed keys. */
  override applyConfig(key: string, value: ConfigValue): boolean {
    if (key === 'rateLimit.ratePerSec' || key === 'rateLimit.burst') {
      const n = configNumber(value);
      if (n === undefined) return false;
      const f = this.filters;
      const now = this.world.sim.now;
      // A gateway without a limit that gets one key starts from rate = burst = that value.
      const rate = key === 'rateLimit.ratePerSec' ? n : f.bucket ? f.ratePerSec : n;
      const burst = key === 'rateLimit.burst' ? n : f.bucket ? f.burst : Math.max(1, n);
      if (!(rate >= 0) || !(burst >= 1)) return false;
      if (f.bucket) f.bucket.configure(now, rate, burst);
      else f.bucket = new TokenBucket(rate, burst, now);
      f.ratePerSec = rate;
      f.burst = burst;
      return true;
    }
    return super.applyConfig(key, value);
  }

  override summary(): { gateway: GatewaySummary } {
    const f = this.filters;
    return {
      gateway: {
        rateLimited: f.bucket?.limited ?? 0,
        unauthorized: f.unauthorized,
        notFound: f.notFound,
        routes: f.router.routes.map((r, i) => ({
          pathPrefix: r.pathPrefix,
          target: r.target,
          requests: f.routeRequests[i]!,
        })),
      },
    };
  }
}

/** Builds a gateway node's runtime. */
export function gatewayRuntime(world: World, node: NodeOfKind<'gateway'>): GatewayRuntime {
  const c = node.config;
  const filters = new GatewayFilters(world, node.id, c);
  const station = new StationRuntime(
    world,
    node,
    {
      instances: c.instances,
      concurrency: c.concurrency,
      queueCapacity: c.queueCapacity,
      serviceTimeMs: c.serviceTimeMs,
      errorRate: 0,
      ioModel: c.ioModel,
      maxConnections: c.maxConnections,
    },
    () => filters,
  );
  return new GatewayRuntime(world, station, filters);
}
