import { describe, expect, it } from 'vitest';
import { RateSchedule } from './rateSchedule';

describe('RateSchedule', () => {
  it('interpolates ramps and applies steps', () => {
    const r = new RateSchedule(10, [
      { atMs: 1000, value: 30, rampMs: 1000 },
      { atMs: 5000, value: 0, rampMs: 0 },
    ]);
    expect(r.valueAt(500)).toBe(10);
    expect(r.valueAt(1500)).toBeCloseTo(20);
    expect(r.valueAt(3000)).toBe(30);
    expect(r.valueAt(6000)).toBe(0);
  });

  it('a change during a ramp starts from the value reached', () => {
    const r = new RateSchedule(0, [
      { atMs: 0, value: 100, rampMs: 10_000 },
      { atMs: 5000, value: 0, rampMs: 5000 },
    ]);
    expect(r.valueAt(5000)).toBeCloseTo(50);
    expect(r.valueAt(7500)).toBeCloseTo(25);
  });

  it('advance inverts the integrated rate across segments', () => {
    const r = new RateSchedule(10, [{ atMs: 1000, value: 30, rampMs: 1000 }]);
    // 10/s for 1 s = 10 events, the ramp adds 20 more, then 30/s.
    expect(r.advance(0, 10)).toBeCloseTo(1000, 6);
    expect(r.advance(1000, 20)).toBeCloseTo(2000, 6);
    expect(r.advance(2000, 3)).toBeCloseTo(2100, 6);
  });

  it('a zero rate forever never produces an arrival', () => {
    const r = new RateSchedule(5, [{ atMs: 1000, value: 0, rampMs: 0 }]);
    expect(r.advance(1000, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
