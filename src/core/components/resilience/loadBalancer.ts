import type { Rng } from '../../engine/rng';
import { hashString32 } from './hash';
import { HashRing } from './hashRing';
import type { HostView } from './hostView';

/** The balancing policies of the document's `loadBalancer.policy`. */
export type LbPolicy = 'roundRobin' | 'random' | 'leastRequest' | 'weighted' | 'consistentHash';

/** The document's load-balancer settings (schema `loadBalancerSchema`). */
export interface LbSettings {
  policy: LbPolicy;
  /** Per-host weights for `weighted`, index = host; missing entries weigh 1 (Envoy's default). */
  weights?: readonly number[];
  /** Below this share of healthy hosts, balance over all of them; 0 disables panic mode. */
  panicThresholdPercent?: number;
}

/**
 * Picks an upstream host per request with Envoy's load-balancer semantics: only healthy hosts are
 * candidates unless fewer than `panicThresholdPercent` of them are healthy, in which case all hosts
 * are (Envoy panic mode). Policies: `roundRobin` cycles the candidates; `random` draws uniformly;
 * `leastRequest` is Envoy's power of two choices (two uniform draws with replacement, fewer active
 * requests wins, ties keep the first); `weighted` is weighted random (Envoy's weighted-cluster
 * selection: a uniform draw over the weight total, so weight 0 is never chosen); `consistentHash`
 * is a ketama ring over the candidates keyed by a header value, falling back to a random host when
 * the request has no key (Envoy's ring_hash). The candidate set, weight table and ring are rebuilt
 * only when routability changes: with a versioned HostView a pick is O(1) (O(log n) for weighted
 * and hash); without one it first compares each host's routability with the cached set, O(n).
 */
export class LoadBalancer {
  private readonly policy: LbPolicy;
  private readonly panicThresholdPercent: number;
  private weights: readonly number[];
  private candidates = new Int32Array(0);
  private candidateCount = 0;
  private cumulativeWeights = new Float64Array(0);
  private readonly ring = new HashRing();
  private cachedVersion: number | undefined = Number.NaN;
  private cachedRoutable = new Uint8Array(0);
  private cachedCount = -1;
  private rrNext = 0;
  private panic = false;
  /** Picks made while in panic mode, for metrics. */
  panicPicks = 0;

  constructor(
    settings: LbSettings,
    private readonly rng: Rng,
  ) {
    this.policy = settings.policy;
    this.panicThresholdPercent = settings.panicThresholdPercent ?? 50;
    this.weights = settings.weights ?? [];
  }

  /** Whether the last rebuilt candidate set was in panic mode. */
  get panicking(): boolean {
    return this.panic;
  }

  /** Replaces the per-host weights (e.g. after a config change) and invalidates the cache. */
  setWeights(weights: readonly number[]): void {
    this.weights = weights;
    this.cachedVersion = Number.NaN;
  }

  /** The weight of a host: its configured entry, or 1 when none is configured. */
  weightOf(host: number): number {
    return this.weights[host] ?? 1;
  }

  /** Chooses a host index for one request, or -1 when there is none to choose. */
  pick(hosts: HostView, hashKey?: string): number {
    if (this.stale(hosts)) this.rebuild(hosts);
    const k = this.candidateCount;
    if (k === 0) return -1;
    if (this.panic) this.panicPicks++;
    if (this.policy === 'roundRobin') {
      // The cursor passes k only when a rebuild shrank the candidates.
      const i = this.rrNext < k ? this.rrNext : this.rrNext % k;
      this.rrNext = i + 1 === k ? 0 : i + 1;
      return this.candidates[i]!;
    }
    return this.pickByPolicy(this.policy, hosts, k, hashKey);
  }

  /**
   * The other policies' pick among `k` candidates. Out of `pick`, which runs on every attempt: V8's
   * inlining budget counts bytecode, and round-robin (Envoy's default) needs none of this.
   */
  private pickByPolicy(
    policy: Exclude<LbPolicy, 'roundRobin'>,
    hosts: HostView,
    k: number,
    hashKey: string | undefined,
  ): number {
    switch (policy) {
      case 'random':
        return this.candidates[Math.floor(this.rng.next() * k)]!;
      case 'leastRequest': {
        const first = this.candidates[Math.floor(this.rng.next() * k)]!;
        const second = this.candidates[Math.floor(this.rng.next() * k)]!;
        return hosts.load(second) < hosts.load(first) ? second : first;
      }
      case 'weighted':
        return this.pickWeighted(k);
      case 'consistentHash':
        if (hashKey === undefined) return this.candidates[Math.floor(this.rng.next() * k)]!;
        return this.ring.lookup(hashString32(hashKey));
    }
  }

  private pickWeighted(k: number): number {
    const total = this.cumulativeWeights[k - 1]!;
    if (!(total > 0)) return -1;
    const r = this.rng.next() * total;
    // First candidate whose cumulative weight exceeds r: zero-weight hosts add no width.
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulativeWeights[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    // If rounding made r reach the total, step back over trailing zero-weight hosts.
    while (lo > 0 && this.cumulativeWeights[lo]! === this.cumulativeWeights[lo - 1]!) lo--;
    return this.candidates[lo]!;
  }

  private stale(hosts: HostView): boolean {
    if (hosts.count !== this.cachedCount) return true;
    if (hosts.version !== undefined) return hosts.version !== this.cachedVersion;
    if (this.cachedVersion !== undefined) return true;
    for (let i = 0; i < this.cachedCount; i++) {
      if ((hosts.isRoutable(i) ? 1 : 0) !== this.cachedRoutable[i]) return true;
    }
    return false;
  }

  private rebuild(hosts: HostView): void {
    const n = hosts.count;
    if (this.candidates.length < n) {
      this.candidates = new Int32Array(n);
      this.cumulativeWeights = new Float64Array(n);
      this.cachedRoutable = new Uint8Array(n);
    }
    let healthy = 0;
    for (let i = 0; i < n; i++) {
      const routable = hosts.isRoutable(i);
      this.cachedRoutable[i] = routable ? 1 : 0;
      if (routable) this.candidates[healthy++] = i;
    }
    this.panic = n > 0 && this.panicThresholdPercent > 0 && (healthy * 100) / n < this.panicThresholdPercent;
    if (this.panic) {
      for (let i = 0; i < n; i++) this.candidates[i] = i;
      this.candidateCount = n;
    } else {
      this.candidateCount = healthy;
    }
    if (this.policy === 'weighted') {
      let sum = 0;
      for (let c = 0; c < this.candidateCount; c++) {
        sum += Math.max(0, this.weightOf(this.candidates[c]!));
        this.cumulativeWeights[c] = sum;
      }
    } else if (this.policy === 'consistentHash') {
      this.ring.rebuild(this.candidates, this.candidateCount);
    }
    this.cachedVersion = hosts.version;
    this.cachedCount = n;
  }
}
