import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  it('admits a full burst at once, then refuses', () => {
    const b = new TokenBucket(10, 5);
    const results = Array.from({ length: 7 }, () => b.tryTake(0));
    expect(results).toEqual([true, true, true, true, true, false, false]);
    expect(b.admitted).toBe(5);
    expect(b.limited).toBe(2);
  });

  it('refills continuously at ratePerSec: one token per 100 ms at 10/s', () => {
    const b = new TokenBucket(10, 1);
    expect(b.tryTake(0)).toBe(true);
    expect(b.tryTake(99)).toBe(false);
    expect(b.tryTake(100)).toBe(true);
    expect(b.available(150)).toBeCloseTo(0.5, 9);
  });

  it('never holds more than the burst however long it idles', () => {
    const b = new TokenBucket(100, 3);
    b.tryTake(0);
    expect(b.available(3_600_000)).toBe(3);
  });

  it('sustains exactly the rate over a long run of back-to-back requests', () => {
    const b = new TokenBucket(50, 10);
    let admitted = 0;
    // One attempt per millisecond for 10 s: 10 burst tokens + 50/s * 10 s.
    for (let t = 0; t < 10_000; t++) if (b.tryTake(t)) admitted++;
    expect(admitted).toBeGreaterThanOrEqual(509);
    expect(admitted).toBeLessThanOrEqual(510);
  });

  it('tells when the next token will be there', () => {
    const b = new TokenBucket(4, 1);
    b.tryTake(0);
    expect(b.availableAtMs(0)).toBe(250);
    expect(b.availableAtMs(0, 2)).toBe(Number.POSITIVE_INFINITY);
  });

  it('applies a new rate from the time of the change', () => {
    const b = new TokenBucket(1, 1);
    b.tryTake(0);
    b.configure(500, 1000, 1);
    // 0.5 tokens by 500 ms at the old rate, then 1 per ms.
    expect(b.tryTake(500)).toBe(false);
    expect(b.tryTake(501)).toBe(true);
  });

  it('refuses a burst below one token', () => {
    expect(() => new TokenBucket(1, 0)).toThrow(/burst/);
  });
});
