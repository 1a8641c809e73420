import { describe, expect, it } from 'vitest';
import { SeriesRing } from './seriesRing';

describe('SeriesRing', () => {
  it('keeps only the newest capacity points, oldest first', () => {
    const ring = new SeriesRing(['a', 'b'], 3);
    for (let i = 1; i <= 5; i++) {
      ring.push(i * 1000);
      ring.set(0, i);
      ring.set(1, i * 10);
    }
    const data = ring.toData();
    expect(data.atMs).toEqual([3000, 4000, 5000]);
    expect(data.values.a).toEqual([3, 4, 5]);
    expect(data.values.b).toEqual([30, 40, 50]);
    expect(ring.latest(1)).toBe(50);
  });

  it('reports 0 for the latest value of an empty series', () => {
    expect(new SeriesRing(['x'], 4).latest(0)).toBe(0);
  });
});
