import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../engine/rng';
import {
  attemptTimeoutMs,
  deadlineAtMs,
  fullJitterBackoffMs,
  isRetryable,
  NO_RETRY,
  RETRY_PAST_DEADLINE,
  RetryPolicy,
  type RetrySettings,
  retryOnMask,
} from './retry';

const settings: RetrySettings = {
  maxRetries: 2,
  baseBackoffMs: 25,
  maxBackoffMs: 250,
  retryOn: ['5xx', 'timeout', 'connect'],
};

describe('retry policy (Envoy router, jittered exponential backoff)', () => {
  it('retries only the outcomes listed in retryOn', () => {
    const m = retryOnMask(['5xx', 'connect']);
    expect(isRetryable(m, 503, 'none')).toBe(true);
    expect(isRetryable(m, 599, 'none')).toBe(true);
    expect(isRetryable(m, 404, 'none')).toBe(false);
    expect(isRetryable(m, 429, 'none')).toBe(false);
    expect(isRetryable(m, 0, 'connect')).toBe(true);
    expect(isRetryable(m, 0, 'timeout')).toBe(false);
    expect(isRetryable(retryOnMask(['429']), 429, 'none')).toBe(true);
    expect(isRetryable(retryOnMask(['429']), 500, 'none')).toBe(false);
    expect(isRetryable(retryOnMask(['timeout']), 0, 'timeout')).toBe(true);
    expect(isRetryable(m, 200, 'none')).toBe(false);
  });

  it('draws retry N from [0, (2^N - 1) x base) as Envoy does: 25, 75, 175 ms ceilings with a 25 ms base', () => {
    const rng = new Sfc32(5);
    [25, 75, 175].forEach((ceiling, i) => {
      let max = 0;
      let sum = 0;
      const n = 4000;
      for (let k = 0; k < n; k++) {
        const d = fullJitterBackoffMs(i + 1, 25, 250, rng);
        expect(d).toBeGreaterThanOrEqual(0);
        max = Math.max(max, d);
        sum += d;
      }
      expect(max).toBeLessThan(ceiling);
      // Full jitter: the draws fill the whole range, mean half the ceiling (sd of the mean ~ ceiling/219).
      expect(max).toBeGreaterThan(ceiling * 0.99);
      expect(Math.abs(sum / n - ceiling / 2)).toBeLessThan(ceiling * 0.02);
    });
  });

  it('caps the draw at the max interval: retry 4 (ceiling 375 ms) waits the 250 ms cap a third of the time', () => {
    const rng = new Sfc32(6);
    let atCap = 0;
    const n = 6000;
    for (let k = 0; k < n; k++) {
      const d = fullJitterBackoffMs(4, 25, 250, rng);
      expect(d).toBeLessThanOrEqual(250);
      if (d === 250) atCap++;
    }
    expect(Math.abs(atCap / n - 1 / 3)).toBeLessThan(0.02);
  });

  it('makes a 100 % failing callee see 1 + maxRetries attempts per call', () => {
    const policy = new RetryPolicy(settings);
    const rng = new Sfc32(9);
    let attempts = 0;
    for (let call = 0; call < 100; call++) {
      let now = 0;
      const deadline = deadlineAtMs(now, 15_000);
      for (let retries = 0; ; retries++) {
        attempts++;
        now += 5;
        const delay = policy.nextRetryDelayMs(retries, 503, 'none', now, deadline, rng);
        if (delay < 0) break;
        now += delay;
      }
    }
    expect(attempts).toBe(300);
  });

  it('does not retry a non-retryable outcome nor beyond maxRetries', () => {
    const p = new RetryPolicy(settings);
    const rng = new Sfc32(1);
    expect(p.nextRetryDelayMs(0, 400, 'none', 0, 1000, rng)).toBe(NO_RETRY);
    expect(p.nextRetryDelayMs(2, 503, 'none', 0, 1000, rng)).toBe(NO_RETRY);
    expect(p.nextRetryDelayMs(1, 503, 'none', 0, 1000, rng)).toBeGreaterThanOrEqual(0);
  });

  it('lets one timeout cover all attempts: no retry once the backoff would reach the deadline', () => {
    const p = new RetryPolicy({ ...settings, maxRetries: 5 });
    const rng = new Sfc32(2);
    expect(p.nextRetryDelayMs(0, 503, 'none', 1000, 1000, rng)).toBe(NO_RETRY);
    // 0.01 ms left: any backoff draw above it lands past the deadline.
    let pastDeadline = 0;
    for (let i = 0; i < 100; i++)
      if (p.nextRetryDelayMs(0, 503, 'none', 999.99, 1000, rng) === RETRY_PAST_DEADLINE) pastDeadline++;
    expect(pastDeadline).toBeGreaterThan(95);
    expect(attemptTimeoutMs(400, deadlineAtMs(0, 1000))).toBe(600);
    expect(attemptTimeoutMs(400, deadlineAtMs(0, 1000), 100)).toBe(100);
    expect(attemptTimeoutMs(1200, 1000)).toBe(0);
  });

  it('treats a timeout of 0 as no deadline', () => {
    expect(deadlineAtMs(10, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(attemptTimeoutMs(10, deadlineAtMs(10, 0))).toBe(Number.POSITIVE_INFINITY);
  });
});
