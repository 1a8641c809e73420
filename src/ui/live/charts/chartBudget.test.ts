import { describe, expect, it } from 'vitest';
import {
  averageRound,
  CHART_FASTEST_INTERVAL_MS,
  CHART_MAIN_THREAD_SHARE,
  CHART_SLOWEST_INTERVAL_MS,
  intervalForRound,
} from './chartBudget';

describe('intervalForRound', () => {
  it('keeps the charts at a tenth of the main thread between the fastest and slowest interval', () => {
    expect(intervalForRound(0)).toBe(CHART_FASTEST_INTERVAL_MS);
    expect(intervalForRound(120)).toBe(120 / CHART_MAIN_THREAD_SHARE);
    expect(intervalForRound(120) * CHART_MAIN_THREAD_SHARE).toBe(120);
    expect(intervalForRound(10_000)).toBe(CHART_SLOWEST_INTERVAL_MS);
  });
});

describe('averageRound', () => {
  it('starts at the first cost, then follows new costs gradually', () => {
    expect(averageRound(0, 100)).toBe(100);
    const next = averageRound(100, 200);
    expect(next).toBeGreaterThan(100);
    expect(next).toBeLessThan(200);
  });
});
