import { describe, expect, it } from 'vitest';
import { niceTicks, ticksUpTo, timeTicks, zeroBasedTicks } from './chartTicks';

const model = (values: number[]) => ({
  series: [{ key: 'v', label: 'v' }],
  rows: values.map((v, i) => ({ t: i * 1.5, v })),
});

describe('chart ticks', () => {
  it('round ticks stay inside the range and use a 1/2/2.5/5 step', () => {
    expect(niceTicks(3, 97, 4)).toEqual([25, 50, 75]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('zero-based ticks start at zero and reach at least the largest value', () => {
    const ticks = zeroBasedTicks(model([3, 17, 42]), 4);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)!).toBeGreaterThanOrEqual(42);
    expect(ticks.length).toBeLessThanOrEqual(6);
  });

  it('an all-zero chart still gets an axis from 0 to 1', () => {
    expect(zeroBasedTicks(model([0, 0]), 4)).toEqual([0, 1]);
  });

  it('ticks up to a maximum run from 0 in round steps and end at or above it', () => {
    expect(ticksUpTo(10_738, 4)).toEqual([0, 5000, 10_000, 15_000]);
    expect(ticksUpTo(13.2, 4)).toEqual([0, 5, 10, 15]);
    expect(ticksUpTo(0, 4)).toEqual([0, 1]);
  });

  it('time ticks are whole seconds within the data', () => {
    const ticks = timeTicks(model([1, 2, 3, 4, 5, 6, 7, 8]), 4);
    expect(ticks.length).toBeGreaterThan(1);
    for (const t of ticks) {
      expect(Number.isInteger(t)).toBe(true);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThanOrEqual(10.5);
    }
  });
});
