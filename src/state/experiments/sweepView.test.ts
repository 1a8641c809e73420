import { describe, expect, it } from 'vitest';
import { type SweepRow, sloCrossing } from './sweepView';

const row = (x: number, ok: boolean | null): SweepRow => ({ x, mean: x, band: null, ok, failed: [] });

describe('sloCrossing', () => {
  it('names the last value before the first failing point, and that point', () => {
    expect(sloCrossing([row(1, true), row(2, true), row(3, false), row(4, true)])).toEqual({
      holdsUpTo: 2,
      failsFrom: 3,
    });
  });

  it('says the SLOs hold everywhere, fail from the start, or that there are none', () => {
    expect(sloCrossing([row(1, true), row(2, true)])).toEqual({ holdsUpTo: 2, failsFrom: null });
    expect(sloCrossing([row(1, false), row(2, true)])).toEqual({ holdsUpTo: null, failsFrom: 1 });
    expect(sloCrossing([row(1, null), row(2, null)])).toEqual({ holdsUpTo: null, failsFrom: null });
  });
});
