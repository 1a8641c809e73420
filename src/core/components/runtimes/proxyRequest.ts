import { DOUBLE_ZERO } from '../../engine/doubleFields';
import type { FailureCause } from '../../metrics/failureCause';
import type { Trace } from '../../metrics/traces';
import type { Step } from '../../model/schema';
import { isSuccess } from '../../sim/status';
import type { NodeRequest, Replyable } from '../../sim/types';
import type { World } from '../../sim/world';

/** Per-route counters, as the seed's `record_metrics`: requests, total time and errors. */
export class RouteMetrics {
  count = 0;
  totalTimeMs = DOUBLE_ZERO;
  errors = 0;

  constructor(readonly name: string) {}

  record(durationMs: number, ok: boolean): void {
    this.count++;
    this.totalTimeMs += durationMs;
    if (!ok) this.errors++;
  }
}

/**
 * A request as it passes through a sidecar: the caller's request seen through a wrapper whose reply
 * comes back to the proxy first, so the proxy can time it per route. Wrappers are pooled, so
 * proxying allocates nothing per request once warm.
 */
export class ProxiedRequest implements NodeRequest, Replyable {
  method = '';
  path = '';
  headers: Readonly<Record<string, string>> = {};
  step: Step | null = null;
  sourceId = '';
  instance = -1;
  arrivedMs = DOUBLE_ZERO;
  trace: Trace | null = null;
  parentSpanId = -1;
  readonly replyTo: Replyable = this;
  /** The route that took the request, if any. */
  route: RouteMetrics | null = null;
  private original: NodeRequest | null = null;

  constructor(
    private readonly pool: ProxiedRequest[],
    private readonly world: World,
  ) {}

  /** Takes a wrapper from `pool` (or makes one) for `req`. */
  static wrap(pool: ProxiedRequest[], world: World, req: NodeRequest): ProxiedRequest {
    const p = pool.pop() ?? new ProxiedRequest(pool, world);
    p.method = req.method;
    p.path = req.path;
    p.headers = req.headers;
    p.step = req.step;
    p.sourceId = req.sourceId;
    p.instance = req.instance;
    p.arrivedMs = world.sim.now;
    p.trace = req.trace;
    p.parentSpanId = req.parentSpanId;
    p.route = null;
    p.original = req;
    return p;
  }

  retain(): void {
    const original = this.original!;
    original.replyTo.retain?.(original);
  }

  onReply(_req: NodeRequest, status: number, cause: FailureCause): void {
    const original = this.original!;
    this.route?.record(this.world.sim.now - this.arrivedMs, isSuccess(status));
    original.arrivedMs = this.arrivedMs;
    this.original = null;
    this.route = null;
    this.trace = null;
    this.pool.push(this);
    original.replyTo.onReply(original, status, cause);
  }
}
