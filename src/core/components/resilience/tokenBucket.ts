/**
 * A token bucket rate limiter refilled continuously from the virtual clock, as golang.org/x/time/rate
 * and Envoy's local rate limit do (Envoy refills per fill interval; continuous refill is its limit
 * as the interval shrinks): `burst` tokens at most, `ratePerSec` added per second, one per request.
 * It starts full, so a quiet gateway admits a burst at once. Requests it refuses answer 429.
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;
  private ratePerMs: number;
  private capacity: number;
  /** Requests admitted so far. */
  admitted = 0;
  /** Requests refused so far (429s). */
  limited = 0;

  constructor(ratePerSec: number, burst: number, startMs = 0) {
    TokenBucket.check(ratePerSec, burst);
    this.ratePerMs = ratePerSec / 1000;
    this.capacity = burst;
    this.tokens = burst;
    this.lastMs = startMs;
  }

  /** Takes `count` tokens at `nowMs` if they are there; refuses (and counts a 429) otherwise. */
  tryTake(nowMs: number, count = 1): boolean {
    this.refill(nowMs);
    if (this.tokens >= count) {
      this.tokens -= count;
      this.admitted++;
      return true;
    }
    this.limited++;
    return false;
  }

  /** Tokens available at `nowMs`. */
  available(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens;
  }

  /** When `count` tokens will be available, if nothing takes any before (Infinity if never). */
  availableAtMs(nowMs: number, count = 1): number {
    this.refill(nowMs);
    if (this.tokens >= count) return nowMs;
    if (count > this.capacity || this.ratePerMs === 0) return Number.POSITIVE_INFINITY;
    return nowMs + (count - this.tokens) / this.ratePerMs;
  }

  /** Changes rate and burst from `nowMs` on (a config change); tokens above the new burst are dropped. */
  configure(nowMs: number, ratePerSec: number, burst: number): void {
    TokenBucket.check(ratePerSec, burst);
    this.refill(nowMs);
    this.ratePerMs = ratePerSec / 1000;
    this.capacity = burst;
    this.tokens = Math.min(this.tokens, burst);
  }

  private refill(nowMs: number): void {
    // A timestamp from the past (out-of-order caller) adds nothing and keeps the later reference.
    if (nowMs <= this.lastMs) return;
    this.tokens = Math.min(this.capacity, this.tokens + (nowMs - this.lastMs) * this.ratePerMs);
    this.lastMs = nowMs;
  }

  private static check(ratePerSec: number, burst: number): void {
    if (!(ratePerSec >= 0) || !Number.isFinite(ratePerSec))
      throw new RangeError('ratePerSec must be a finite number >= 0');
    if (!(burst >= 1) || !Number.isFinite(burst)) throw new RangeError('burst must be a finite number >= 1');
  }
}
