import { DOUBLE_ZERO } from '../engine/doubleFields';
import { BUCKETS, GAMMA, MIN_MS, sketchBucket } from './sketchBuckets';

const REPRESENTATIVE = (() => {
  // The value 2*g^i/(g+1) is within alpha of both ends of bucket (g^(i-1), g^i].
  const rep = new Float64Array(BUCKETS);
  for (let i = 1; i < BUCKETS; i++) rep[i] = (2 * MIN_MS * GAMMA ** i) / (GAMMA + 1);
  return rep;
})();

/** A value in ms as a sketch records it: negative values (and NaN) count as 0. */
export function sketchValue(valueMs: number): number {
  return Math.max(valueMs || 0, 0);
}

/** Quantile summary of a latency distribution in ms. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * A log-bucket latency histogram in the style of DDSketch: fixed memory (about 1,270 buckets), O(1)
 * per sample, and quantiles with a guaranteed relative error of 1 %, so long runs keep flat memory
 * while p99 stays trustworthy. Count, sum, min and max are exact.
 */
export class LatencySketch {
  count = 0;
  sum = DOUBLE_ZERO;
  min = Number.POSITIVE_INFINITY;
  max = DOUBLE_ZERO;
  private readonly counts = new Float64Array(BUCKETS);
  // Touched range, so clear() of a per-second sketch costs what was used, not the whole array.
  private lo = BUCKETS;
  private hi = -1;

  /** Records one value in ms (negative values count as 0). */
  add(valueMs: number): void {
    const v = sketchValue(valueMs);
    this.addAt(sketchBucket(v), v);
  }

  /**
   * Records `v`, a {@link sketchValue}, in its bucket `sketchBucket(v)`: stats that put one latency
   * into two sketches (the run's and the running second's) take the logarithm once.
   */
  addAt(i: number, v: number): void {
    this.counts[i]!++;
    if (i < this.lo) this.lo = i;
    if (i > this.hi) this.hi = i;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** The q-quantile (0..1) within 1 % relative error; 0 when empty. Rank rule: floor(q * (n - 1)). */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.floor(Math.min(1, Math.max(0, q)) * (this.count - 1));
    let seen = 0;
    const counts = this.counts;
    for (let i = this.lo; i <= this.hi; i++) {
      seen += counts[i]!;
      if (seen > rank) {
        const v = i === 0 ? 0 : REPRESENTATIVE[i]!;
        return Math.min(Math.max(v, this.min), this.max);
      }
    }
    return this.max;
  }

  /** Mean of the recorded values; 0 when empty. */
  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** Adds every sample of `other` into this sketch. */
  merge(other: LatencySketch): void {
    if (other.count === 0) return;
    for (let i = other.lo; i <= other.hi; i++) this.counts[i]! += other.counts[i]!;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** An independent copy of this sketch. */
  copy(): LatencySketch {
    const out = new LatencySketch();
    out.merge(this);
    return out;
  }

  /**
   * The samples added to this sketch since `earlier`, a {@link copy} of it taken before: bucket counts,
   * count and sum subtract exactly. The window's min and max are not known; this sketch's bound them,
   * so quantiles keep their 1 % relative accuracy and only the extremes are wider.
   */
  since(earlier: LatencySketch): LatencySketch {
    const out = new LatencySketch();
    if (this.count - earlier.count <= 0) return out;
    for (let i = this.lo; i <= this.hi; i++) {
      const c = this.counts[i]! - earlier.counts[i]!;
      if (c <= 0) continue;
      out.counts[i] = c;
      if (i < out.lo) out.lo = i;
      out.hi = i;
    }
    out.count = this.count - earlier.count;
    out.sum = this.sum - earlier.sum;
    out.min = this.min;
    out.max = this.max;
    return out;
  }

  /** Forgets every sample. */
  clear(): void {
    if (this.hi >= this.lo) this.counts.fill(0, this.lo, this.hi + 1);
    this.lo = BUCKETS;
    this.hi = -1;
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = 0;
  }

  /** Mean, p50, p95, p99 and max in one pass-friendly object. */
  summarize(): LatencySummary {
    return {
      count: this.count,
      mean: this.mean(),
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      max: this.count === 0 ? 0 : this.max,
    };
  }
}
