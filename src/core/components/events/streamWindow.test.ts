import { describe, expect, it } from 'vitest';
import { StreamWindows } from './streamWindow';

describe('stream windows', () => {
  it('a tumbling window counts each event once, in the window of its time', () => {
    const w = new StreamWindows(1000, 1000, 'count');
    for (const t of [0, 400, 999]) w.add('a', 0, t);
    w.add('b', 0, 500);
    expect(w.close(1000)).toEqual([
      { group: 'a', startMs: 0, endMs: 1000, count: 3, value: 3 },
      { group: 'b', startMs: 0, endMs: 1000, count: 1, value: 1 },
    ]);
    w.add('a', 0, 1000);
    expect(w.close(2000)).toEqual([{ group: 'a', startMs: 1000, endMs: 2000, count: 1, value: 1 }]);
    expect(w.close(3000)).toEqual([]);
  });

  it('a sliding window counts an event in every window that covers it (size / slide of them)', () => {
    const w = new StreamWindows(3000, 1000, 'sum');
    w.add('a', 5, 500);
    w.add('a', 7, 1500);
    expect(w.close(1000)).toEqual([{ group: 'a', startMs: -2000, endMs: 1000, count: 1, value: 5 }]);
    expect(w.close(2000)[0]!.value).toBe(12);
    expect(w.close(3000)[0]!.value).toBe(12);
    expect(w.close(4000)[0]!.value).toBe(7);
    expect(w.close(5000)).toEqual([]);
  });

  it('aggregates min, max and avg of the values', () => {
    for (const [agg, want] of [
      ['min', 2],
      ['max', 9],
      ['avg', 5],
    ] as const) {
      const w = new StreamWindows(1000, 1000, agg);
      for (const v of [4, 2, 9]) w.add('g', v, 100);
      expect(w.close(1000)[0]!.value).toBe(want);
    }
  });
});
