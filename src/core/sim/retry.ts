import type { Rng } from '../engine/rng';

/** Retry conditions of the document's `retry.retryOn`. */
export type RetryOn = '5xx' | 'timeout' | 'connect' | '429';

/** How an attempt failed before any response: none (a response with a status), timed out, or could not connect. */
export type AttemptFailure = 'none' | 'timeout' | 'connect';

/** The document's retry settings (schema `retrySchema`). */
export interface RetrySettings {
  maxRetries: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  retryOn: readonly RetryOn[];
  /** Time one attempt may take (Envoy per_try_timeout); 0 or absent means none. */
  perTryTimeoutMs?: number;
}

const ON_5XX = 1;
const ON_TIMEOUT = 2;
const ON_CONNECT = 4;
const ON_429 = 8;

/** Packs retry conditions into a bit mask so the per-attempt check is two integer operations. */
export function retryOnMask(retryOn: readonly RetryOn[]): number {
  let mask = 0;
  for (const on of retryOn) {
    mask |= on === '5xx' ? ON_5XX : on === 'timeout' ? ON_TIMEOUT : on === 'connect' ? ON_CONNECT : ON_429;
  }
  return mask;
}

/**
 * Whether an attempt's outcome may be retried under `mask`: '5xx' covers 500-599 responses,
 * '429' the 429 response, 'timeout' an attempt that got no answer in time, 'connect' a connection
 * that failed (no instance, refused, reset, partition). Envoy's `5xx` also implies the last two;
 * here they are separate switches, and the default list names all three, matching Envoy's default.
 */
export function isRetryable(mask: number, status: number, failure: AttemptFailure): boolean {
  if (failure === 'timeout') return (mask & ON_TIMEOUT) !== 0;
  if (failure === 'connect') return (mask & ON_CONNECT) !== 0;
  if (status === 429) return (mask & ON_429) !== 0;
  return status >= 500 && status <= 599 && (mask & ON_5XX) !== 0;
}

/**
 * Envoy's fully jittered exponential backoff (`JitteredExponentialBackOffStrategy`): before retry
 * `retry` (1 for the first) wait a uniform draw from [0, (2^retry - 1) x base), capped at `capMs`.
 * With Envoy's defaults (25 ms base, 250 ms cap) the ceilings are 25, 75, 175 ms, then the cap;
 * Envoy caps the draw, not the range, so past the cap most draws wait the cap itself.
 */
export function fullJitterBackoffMs(retry: number, baseMs: number, capMs: number, rng: Rng): number {
  const ceiling = (2 ** Math.min(Math.max(retry, 1), 52) - 1) * baseMs;
  return Math.min(rng.next() * ceiling, capMs);
}

/** The absolute deadline of a call started at `startMs` whose timeout covers every attempt; 0 = none. */
export function deadlineAtMs(startMs: number, timeoutMs: number): number {
  return timeoutMs > 0 ? startMs + timeoutMs : Number.POSITIVE_INFINITY;
}

/**
 * The time an attempt starting at `nowMs` may take: what is left of the call, or less with a per-try
 * timeout, since Envoy caps a per-try timer by the route timeout's remaining time.
 */
export function attemptTimeoutMs(nowMs: number, deadlineMs: number, perTryTimeoutMs = 0): number {
  const remaining = Math.max(0, deadlineMs - nowMs);
  return perTryTimeoutMs > 0 ? Math.min(remaining, perTryTimeoutMs) : remaining;
}

/** `nextRetryDelayMs` result: do not retry; the call fails with the attempt's outcome now. */
export const NO_RETRY = -1;
/** `nextRetryDelayMs` result: the backoff reaches the deadline; the call times out at the deadline, as Envoy's route timeout does. */
export const RETRY_PAST_DEADLINE = -2;

/**
 * A sync call's retry policy with Envoy router semantics: up to `maxRetries` retries of retryable
 * outcomes, each after a full-jitter backoff, all within one route timeout that covers every attempt
 * and every backoff. So with 2 retries a failing callee sees 3 attempts per call.
 */
export class RetryPolicy {
  private readonly mask: number;

  constructor(readonly settings: RetrySettings) {
    this.mask = retryOnMask(settings.retryOn);
  }

  /** Whether this outcome is one the policy retries. */
  isRetryable(status: number, failure: AttemptFailure): boolean {
    return isRetryable(this.mask, status, failure);
  }

  /**
   * After attempt number `retriesDone` (0 = the first attempt) failed at `nowMs`: the backoff delay
   * before the next attempt, or NO_RETRY, or RETRY_PAST_DEADLINE. Draws from `rng` only when a retry is due.
   */
  nextRetryDelayMs(
    retriesDone: number,
    status: number,
    failure: AttemptFailure,
    nowMs: number,
    deadlineMs: number,
    rng: Rng,
  ): number {
    if (retriesDone >= this.settings.maxRetries || !isRetryable(this.mask, status, failure)) return NO_RETRY;
    if (nowMs >= deadlineMs) return NO_RETRY;
    const delay = fullJitterBackoffMs(
      retriesDone + 1,
      this.settings.baseBackoffMs,
      this.settings.maxBackoffMs,
      rng,
    );
    return nowMs + delay >= deadlineMs ? RETRY_PAST_DEADLINE : delay;
  }
}
