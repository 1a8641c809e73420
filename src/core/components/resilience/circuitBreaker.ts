import { DOUBLE_ZERO } from '../../engine/doubleFields';
import type { BreakerConfig } from '../../model/schema';
import type { BreakerState } from '../../sim/breakerState';
import { BoundedLog } from './boundedLog';
import { CountWindow, type OutcomeWindow, TimeWindow } from './slidingWindow';

/** One timestamped state change, as reported in metrics, the event log and the run summary. */
export interface BreakerTransition {
  atMs: number;
  from: BreakerState;
  to: BreakerState;
}

/** The breaker settings of the document (`enabled` is the caller's business: a disabled breaker is simply not built). */
export type BreakerSettings = Omit<BreakerConfig, 'enabled'>;

/** Construction options beyond the document's settings. */
export interface CircuitBreakerOptions {
  /** How many transitions are kept for the summary (all are counted). */
  historyCapacity?: number;
  /** Called synchronously on every transition, e.g. to write the event log. */
  onTransition?: (transition: BreakerTransition) => void;
}

/** A point-in-time view of a breaker for telemetry frames and the run summary. */
export interface BreakerSnapshot {
  state: BreakerState;
  /** Failure rate of the current window in percent, or -1 below the minimum number of calls. */
  failureRatePercent: number;
  /** Slow-call rate of the current window in percent, or -1 below the minimum number of calls. */
  slowCallRatePercent: number;
  bufferedCalls: number;
  failedCalls: number;
  slowCalls: number;
  /** Calls refused while OPEN or beyond the HALF_OPEN permits, over the whole run. */
  rejected: number;
  transitionsTotal: number;
}

/**
 * A circuit breaker with Resilience4j's semantics (`CircuitBreakerStateMachine`): a count- or
 * time-based sliding window judged once it holds the minimum number of calls (for a count window,
 * min(minimumNumberOfCalls, slidingWindowSize)); it opens when the failure rate or the slow-call
 * rate (slow = strictly longer than the threshold) is >= its threshold; once
 * `waitDurationInOpenStateMs` has passed the next call attempt moves it to HALF_OPEN, which admits
 * `permittedNumberOfCallsInHalfOpenState` calls into a fresh count window judged once
 * min(minimumNumberOfCalls, permitted) of them completed: closed (with a fresh window) or open again.
 * Rates are compared as 32-bit floats, as Resilience4j computes them.
 *
 * The caller must report every admitted call through `onResult`, timeouts included, or a
 * HALF_OPEN breaker waits for its permits forever (Resilience4j's maxWaitDurationInHalfOpenState
 * defaults to 0, meaning exactly that).
 */
export class CircuitBreaker {
  private current: BreakerState = 'CLOSED';
  private readonly closedWindow: OutcomeWindow;
  private readonly halfOpenWindow: CountWindow;
  private readonly closedMinCalls: number;
  private readonly halfOpenMinCalls: number;
  private readonly failureThreshold: number;
  private readonly slowThreshold: number;
  /** Whether a window with no failed and no slow call is below both thresholds. */
  private readonly thresholdsPositive: boolean;
  private retryAfterMs = DOUBLE_ZERO;
  private permitsLeft = 0;
  private rejectedCalls = 0;
  private readonly log: BoundedLog<BreakerTransition>;
  private readonly onTransition: ((transition: BreakerTransition) => void) | undefined;

  constructor(
    readonly settings: BreakerSettings,
    options: CircuitBreakerOptions = {},
  ) {
    const count = settings.slidingWindowType === 'count';
    this.closedWindow = count
      ? new CountWindow(settings.slidingWindowSize)
      : new TimeWindow(settings.slidingWindowSize);
    this.closedMinCalls = count
      ? Math.min(settings.minimumNumberOfCalls, settings.slidingWindowSize)
      : settings.minimumNumberOfCalls;
    const permitted = settings.permittedNumberOfCallsInHalfOpenState;
    this.halfOpenWindow = new CountWindow(permitted);
    this.halfOpenMinCalls = Math.min(settings.minimumNumberOfCalls, permitted);
    this.failureThreshold = Math.fround(settings.failureRateThreshold);
    this.slowThreshold = Math.fround(settings.slowCallRateThreshold);
    this.thresholdsPositive = this.failureThreshold > 0 && this.slowThreshold > 0;
    this.log = new BoundedLog(options.historyCapacity ?? 1000);
    this.onTransition = options.onTransition;
  }

  /** The current state (OPEN stays OPEN until a call attempt after the wait moves it on). */
  get state(): BreakerState {
    return this.current;
  }

  /** Calls refused so far. */
  get rejected(): number {
    return this.rejectedCalls;
  }

  /**
   * Asks permission for one call at `nowMs`: always in CLOSED; in OPEN only once the wait has
   * passed (strictly after, as Resilience4j's `Instant.isAfter`), which moves the breaker to
   * HALF_OPEN; in HALF_OPEN while permits remain. A refusal is counted as rejected.
   */
  tryAcquire(nowMs: number): boolean {
    if (this.current === 'CLOSED') return true;
    if (this.current === 'OPEN') {
      if (nowMs > this.retryAfterMs) {
        this.transition(nowMs, 'HALF_OPEN');
      } else {
        this.rejectedCalls++;
        return false;
      }
    }
    if (this.permitsLeft > 0) {
      this.permitsLeft--;
      return true;
    }
    this.rejectedCalls++;
    return false;
  }

  /**
   * Records the outcome of an admitted call that ended at `nowMs` after `durationMs`. Outcomes
   * arriving while OPEN (calls admitted before it opened) are kept in the window but judge nothing;
   * outcomes arriving in HALF_OPEN count toward its window whichever state admitted them (as in Resilience4j).
   */
  onResult(nowMs: number, durationMs: number, success: boolean): void {
    const slow = durationMs > this.settings.slowCallDurationThresholdMs;
    if (this.current === 'HALF_OPEN') {
      this.halfOpenWindow.record(!success, slow);
      const verdict = this.judge(this.halfOpenWindow, this.halfOpenMinCalls);
      if (verdict !== 0) this.transition(nowMs, verdict > 0 ? 'OPEN' : 'CLOSED');
      return;
    }
    // Only a time window takes the time: a call V8 does not inline passes it as a new heap number.
    if (this.closedWindow.timed) this.closedWindow.advance(nowMs);
    this.closedWindow.record(!success, slow);
    if (this.current === 'CLOSED' && this.judge(this.closedWindow, this.closedMinCalls) > 0) {
      this.transition(nowMs, 'OPEN');
    }
  }

  /** The breaker's state and current window rates at `nowMs`, cheap enough for every telemetry frame. */
  snapshot(nowMs: number): BreakerSnapshot {
    const halfOpen = this.current === 'HALF_OPEN';
    const window = halfOpen ? this.halfOpenWindow : this.closedWindow;
    window.advance(nowMs);
    const minCalls = halfOpen ? this.halfOpenMinCalls : this.closedMinCalls;
    const total = window.totalCalls;
    const judged = total > 0 && total >= minCalls;
    return {
      state: this.current,
      failureRatePercent: judged ? Math.fround((window.failedCalls * 100) / total) : -1,
      slowCallRatePercent: judged ? Math.fround((window.slowCalls * 100) / total) : -1,
      bufferedCalls: total,
      failedCalls: window.failedCalls,
      slowCalls: window.slowCalls,
      rejected: this.rejectedCalls,
      transitionsTotal: this.log.total,
    };
  }

  /** The kept transitions, oldest first. */
  transitions(): BreakerTransition[] {
    return this.log.toArray();
  }

  /** Every transition so far, including those no longer kept. */
  get transitionsTotal(): number {
    return this.log.total;
  }

  /** 1 = above a threshold, -1 = below both, 0 = not enough calls to judge. */
  private judge(window: OutcomeWindow, minCalls: number): number {
    const total = window.totalCalls;
    if (total === 0 || total < minCalls) return 0;
    // NOTE: Resilience4j divides in float; fround of the double quotient gives the same float.
    // Nothing failed or was slow (the common case): both rates are 0, under any positive threshold.
    if (window.failedCalls === 0 && window.slowCalls === 0 && this.thresholdsPositive) return -1;
    const failureRate = Math.fround((window.failedCalls * 100) / total);
    if (failureRate >= this.failureThreshold) return 1;
    const slowRate = Math.fround((window.slowCalls * 100) / total);
    return slowRate >= this.slowThreshold ? 1 : -1;
  }

  private transition(nowMs: number, to: BreakerState): void {
    const from = this.current;
    this.current = to;
    if (to === 'OPEN') {
      this.retryAfterMs = nowMs + this.settings.waitDurationInOpenStateMs;
    } else if (to === 'HALF_OPEN') {
      this.halfOpenWindow.reset();
      this.permitsLeft = this.settings.permittedNumberOfCallsInHalfOpenState;
    } else {
      this.closedWindow.reset();
    }
    const entry: BreakerTransition = { atMs: nowMs, from, to };
    this.log.push(entry);
    this.onTransition?.(entry);
  }
}
