/**
 * The outcome windows behind the circuit breaker, after Resilience4j's
 * `FixedSizeSlidingWindowMetrics` (count based) and `SlidingTimeWindowMetrics` (time based, one
 * partial aggregation per epoch second). Both keep running totals, so recording is O(1) and a
 * snapshot never rescans the window.
 */
export interface OutcomeWindow {
  /**
   * Whether the window slides with the clock: then `advance` to the outcome's time comes before
   * each `record`. A count window needs no time, so the breaker passes it none (see CircuitBreaker).
   */
  readonly timed: boolean;
  /** Records one call outcome, as of the last `advance` for a time window. */
  record(failed: boolean, slow: boolean): void;
  /** Slides the window to `nowMs` (time window) so the totals below describe it. */
  advance(nowMs: number): void;
  /** Forgets every outcome. */
  reset(): void;
  readonly totalCalls: number;
  readonly failedCalls: number;
  readonly slowCalls: number;
}

const FAILED = 1;
const SLOW = 2;

/** The last `size` outcomes (Resilience4j COUNT_BASED): a ring buffer with running totals. */
export class CountWindow implements OutcomeWindow {
  readonly timed = false;
  private readonly outcomes: Uint8Array;
  private next = 0;
  totalCalls = 0;
  failedCalls = 0;
  slowCalls = 0;

  constructor(readonly size: number) {
    if (!(size >= 1)) throw new RangeError('count window size must be >= 1');
    this.outcomes = new Uint8Array(size);
  }

  record(failed: boolean, slow: boolean): void {
    if (this.totalCalls === this.size) {
      // Full: the oldest outcome leaves as the new one takes its slot.
      const old = this.outcomes[this.next]!;
      if (old & FAILED) this.failedCalls--;
      if (old & SLOW) this.slowCalls--;
    } else {
      this.totalCalls++;
    }
    this.outcomes[this.next] = (failed ? FAILED : 0) | (slow ? SLOW : 0);
    if (failed) this.failedCalls++;
    if (slow) this.slowCalls++;
    const next = this.next + 1;
    this.next = next === this.size ? 0 : next;
  }

  advance(_nowMs: number): void {}

  reset(): void {
    this.outcomes.fill(0);
    this.next = 0;
    this.totalCalls = 0;
    this.failedCalls = 0;
    this.slowCalls = 0;
  }
}

/**
 * The outcomes of the last `sizeSec` epoch seconds, the current one included (Resilience4j
 * TIME_BASED): one bucket per second, cleared as the clock moves past it.
 */
export class TimeWindow implements OutcomeWindow {
  readonly timed = true;
  private readonly bucketTotal: Int32Array;
  private readonly bucketFailed: Int32Array;
  private readonly bucketSlow: Int32Array;
  private latestSec = Number.NEGATIVE_INFINITY;
  totalCalls = 0;
  failedCalls = 0;
  slowCalls = 0;

  constructor(readonly sizeSec: number) {
    if (!(sizeSec >= 1)) throw new RangeError('time window size must be >= 1 second');
    this.bucketTotal = new Int32Array(sizeSec);
    this.bucketFailed = new Int32Array(sizeSec);
    this.bucketSlow = new Int32Array(sizeSec);
  }

  advance(nowMs: number): void {
    const sec = Math.floor(nowMs / 1000);
    if (sec <= this.latestSec) return;
    // Only the seconds between the last seen one and now can hold buckets that just expired.
    // A fresh window is already empty.
    const steps =
      this.latestSec === Number.NEGATIVE_INFINITY ? 0 : Math.min(sec - this.latestSec, this.sizeSec);
    for (let k = 0; k < steps; k++) {
      const i = (sec - k) % this.sizeSec;
      this.totalCalls -= this.bucketTotal[i]!;
      this.failedCalls -= this.bucketFailed[i]!;
      this.slowCalls -= this.bucketSlow[i]!;
      this.bucketTotal[i] = 0;
      this.bucketFailed[i] = 0;
      this.bucketSlow[i] = 0;
    }
    this.latestSec = sec;
  }

  record(failed: boolean, slow: boolean): void {
    // A late (out-of-order) timestamp still lands in the newest bucket, as Resilience4j does.
    const i = this.latestSec % this.sizeSec;
    this.bucketTotal[i]!++;
    this.totalCalls++;
    if (failed) {
      this.bucketFailed[i]!++;
      this.failedCalls++;
    }
    if (slow) {
      this.bucketSlow[i]!++;
      this.slowCalls++;
    }
  }

  reset(): void {
    this.bucketTotal.fill(0);
    this.bucketFailed.fill(0);
    this.bucketSlow.fill(0);
    this.latestSec = Number.NEGATIVE_INFINITY;
    this.totalCalls = 0;
    this.failedCalls = 0;
    this.slowCalls = 0;
  }
}
