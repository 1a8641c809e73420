import { describe, expect, it } from 'vitest';
import { type FitItem, overflowingItems } from './overflowFit';

const spacing = { gapPx: 4, dividerPx: 10, morePx: 30 };
const item = (id: string, group: string, widthPx: number, keep: number): FitItem => ({
  id,
  group,
  widthPx,
  keep,
});
// a:100 b:100 | c:100 -> 100 + 4 + 100 + 4 + 10 + 100 = 318
const items = [item('a', 'one', 100, 3), item('b', 'one', 100, 1), item('c', 'two', 100, 2)];

describe('overflowingItems', () => {
  it('moves nothing when every item fits, dividers and gaps counted', () => {
    expect(overflowingItems(items, 318, spacing)).toEqual(new Set());
  });

  it('moves the lowest keep first and counts the overflow button it then needs', () => {
    // 317 px: b goes (a 100 | c 100 = 214, + more 34 = 248).
    expect(overflowingItems(items, 317, spacing)).toEqual(new Set(['b']));
    // 247 px: c goes too (a 100 + more 34 = 134).
    expect(overflowingItems(items, 247, spacing)).toEqual(new Set(['b', 'c']));
  });

  it('never moves an item whose keep is Infinity, however narrow the bar', () => {
    const pinned = [item('run', 'run', 80, Number.POSITIVE_INFINITY), item('x', 'run', 50, 1)];
    expect(overflowingItems(pinned, 10, spacing)).toEqual(new Set(['x']));
  });

  it('on equal keep moves the later item first, so the bar empties from its end', () => {
    const same = [item('a', 'g', 100, 1), item('b', 'g', 100, 1)];
    expect(overflowingItems(same, 150, spacing)).toEqual(new Set(['b']));
  });

  it('takes any number of items', () => {
    const many = Array.from({ length: 40 }, (_, i) => item(`i${i}`, `g${i % 5}`, 40, i));
    const hidden = overflowingItems(many, 600, spacing);
    const kept = many.filter((m) => !hidden.has(m.id));
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.every((k) => [...hidden].every((h) => Number(h.slice(1)) < Number(k.id.slice(1))))).toBe(
      true,
    );
  });
});
