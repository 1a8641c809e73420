import type { Rng } from '../../engine/rng';
import { CAUSE, type FailureCause } from '../../metrics/failureCause';
import type { ArchEdge } from '../../model/schema';
import { BREAKER_NONE, breakerNumber } from '../../sim/breakerState';
import type { PolicySummary } from '../../sim/callPolicy';
import { fullJitterBackoffMs } from '../../sim/retry';
import { type BreakerTransition, CircuitBreaker } from './circuitBreaker';
import { LoadBalancer } from './loadBalancer';
import { type Ejection, OutlierDetector, type OutlierSettings } from './outlierDetection';
import { type DiscoveredInstances, isDiscovered, TargetHosts, type UpstreamView } from './targetHosts';

/** Writes one event-log line on behalf of the edge's caller. */
type PolicyLog = (type: string, severity: 'info' | 'warn' | 'error', message: string) => void;

/** What the policy needs from the run: its RNG stream and, optionally, the event log. */
export interface ResilientPolicyEnv {
  rng: Rng;
  log?: PolicyLog;
}

/** The request fields the policy reads (a NodeRequest has them). */
export interface PolicyRequest {
  readonly headers: Readonly<Record<string, string>>;
}

const MAX_SUMMARY_EJECTIONS = 50;

/**
 * The caller-side resilience of one sync edge, built from the edge's config and the modules of this
 * folder: a Resilience4j circuit breaker when `config.breaker` is enabled (admission, every admitted
 * call's outcome and duration, timeouts included), the configured load balancer over the upstream's
 * routable instances (or its registry members), outlier detection when a sidecar turns it on for the
 * edge, and full-jitter backoff from the edge's retry settings. Every hook is O(1) per call except
 * health-check routability, which balancers re-read per pick (O(instances)).
 */
export class ResilientCallPolicy {
  readonly breaker: CircuitBreaker | null;
  readonly balancer: LoadBalancer;
  private detector: OutlierDetector | null = null;
  private readonly hosts = new TargetHosts();
  private readonly hashHeader: string;
  private readonly hashHeaderLower: string;
  private readonly consistentHash: boolean;
  private readonly weightedPolicy: boolean;
  private instanceWeights: readonly number[];
  /** False while a feature flag switches the dependency off: calls go straight to the fallback. */
  private enabled = true;
  /** Membership version the balancer's weights were mapped for (registry host sets only). */
  private weightsForVersion = -1;

  constructor(
    readonly edge: ArchEdge,
    private readonly env: ResilientPolicyEnv,
  ) {
    const c = edge.config;
    const b = c.breaker;
    this.breaker =
      b?.enabled === true
        ? new CircuitBreaker(b, { historyCapacity: 200, onTransition: (t) => this.logTransition(t) })
        : null;
    const lb = c.loadBalancer;
    this.instanceWeights = lb.weights;
    this.balancer = new LoadBalancer(
      { policy: lb.policy, weights: lb.weights, panicThresholdPercent: lb.panicThresholdPercent },
      env.rng,
    );
    this.hashHeader = lb.hashHeader;
    this.hashHeaderLower = lb.hashHeader.toLowerCase();
    this.consistentHash = lb.policy === 'consistentHash';
    this.weightedPolicy = lb.policy === 'weighted';
  }

  /** Turns on Envoy outlier detection for this upstream (a sidecar's per-host setting). */
  enableOutlierDetection(instanceCount: number, settings: OutlierSettings): void {
    const log = this.env.log;
    const edgeId = this.edge.id;
    const target = this.edge.target;
    this.detector = new OutlierDetector(instanceCount, settings, {
      historyCapacity: 200,
      onEject: (e: Ejection) =>
        log?.(
          'outlier',
          'warn',
          `${edgeId}: instance ${e.host} of ${target} ejected until ${(e.untilMs / 1000).toFixed(3)} s`,
        ),
      onRelease: (host, atMs) =>
        log?.('outlier', 'info', `${edgeId}: instance ${host} of ${target} back in service at ${atMs} ms`),
    });
    this.hosts.setExclusion(this.detector);
  }

  /** The outlier detector, if one is on. */
  get outlierDetector(): OutlierDetector | null {
    return this.detector;
  }

  /** Replaces the per-instance weights of the weighted policy (a config change). */
  setWeights(weights: readonly number[]): void {
    this.instanceWeights = weights;
    this.weightsForVersion = -1;
    this.balancer.setWeights(weights);
  }

  /** Switches the dependency on or off (a feature flag / kill switch); off rejects calls to the fallback. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
  }

  admit(nowMs: number): FailureCause {
    if (!this.enabled) return CAUSE.switchedOff;
    return this.breaker === null || this.breaker.tryAcquire(nowMs) ? CAUSE.none : CAUSE.breakerOpen;
  }

  pickInstance(view: UpstreamView, req: PolicyRequest, nowMs: number): number {
    const detector = this.detector;
    if (detector !== null) {
      if (nowMs >= detector.nextReleaseAtMs) detector.release(nowMs);
      this.hosts.nowMs = nowMs;
    }
    const hosts = this.hosts.bind(view);
    if (this.weightedPolicy && hosts.discovered && isDiscovered(view)) this.mapWeights(view);
    let key: string | undefined;
    if (this.consistentHash) key = req.headers[this.hashHeader] ?? req.headers[this.hashHeaderLower];
    const host = this.balancer.pick(hosts, key);
    return host < 0 ? -1 : hosts.instanceOf(host);
  }

  onAttempt(instance: number, status: number, nowMs: number): void {
    // Connect failures (status 0) count as 5xx, Envoy's default without split local-origin errors.
    if (this.detector !== null && instance >= 0)
      this.detector.onResult(instance, nowMs, status === 0 || status >= 500);
  }

  onCallEnd(ok: boolean, durationMs: number, nowMs: number): void {
    this.breaker?.onResult(nowMs, durationMs, ok);
  }

  backoffMs(retry: number, rng: Rng): number {
    const r = this.edge.config.retry;
    return fullJitterBackoffMs(retry + 1, r.baseBackoffMs, r.maxBackoffMs, rng);
  }

  breakerState(): number {
    return this.breaker === null ? BREAKER_NONE : breakerNumber(this.breaker.state);
  }

  /** The edge's extra summary fields: breaker state and transitions, balancer panic, ejections. */
  summary(): PolicySummary | null {
    const out: PolicySummary = {};
    const b = this.breaker;
    if (b !== null) {
      out.breaker = {
        state: b.state,
        transitions: b.transitions().map((t) => ({ atMs: round3(t.atMs), from: t.from, to: t.to })),
        transitionsTotal: b.transitionsTotal,
        rejected: b.rejected,
      };
    }
    if (this.balancer.panicPicks > 0) out.panicPicks = this.balancer.panicPicks;
    const d = this.detector;
    if (d !== null) {
      out.outlier = {
        ejectionsTotal: d.ejectionsTotal,
        ejectedNow: d.ejectedCount,
        overflowed: d.overflowed,
        ejections: d
          .ejections()
          .slice(-MAX_SUMMARY_EJECTIONS)
          .map((e) => ({ instance: e.host, atMs: round3(e.atMs), untilMs: round3(e.untilMs) })),
      };
    }
    return Object.keys(out).length > 0 ? out : null;
  }

  /** Re-indexes per-instance weights onto the registry host list when membership changed. */
  private mapWeights(view: DiscoveredInstances): void {
    if (view.membershipVersion === this.weightsForVersion) return;
    const list = view.registeredInstances() ?? [];
    this.balancer.setWeights(list.map((instance) => this.instanceWeights[instance] ?? 1));
    this.weightsForVersion = view.membershipVersion;
  }

  private logTransition(t: BreakerTransition): void {
    const log = this.env.log;
    if (!log) return;
    const severity = t.to === 'OPEN' ? 'error' : t.to === 'HALF_OPEN' ? 'warn' : 'info';
    log('breaker', severity, `${this.edge.id}: circuit breaker ${t.from} -> ${t.to}`);
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Builds the resilient policy of any edge: usable as the run's CallPolicyFactory, since the policy
 * has exactly the CallPolicy hooks.
 */
export function resilientCallPolicyFactory(edge: ArchEdge, env: ResilientPolicyEnv): ResilientCallPolicy {
  return new ResilientCallPolicy(edge, env);
}
