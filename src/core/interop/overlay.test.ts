import { describe, expect, it } from 'vitest';
import { deepEqual, diff, merge, overlayOf } from './overlay';

describe('overlays', () => {
  it('keep only the leaves that differ when both sides have the same keys', () => {
    const original = { a: 1, b: { c: 2, d: 3 } };
    const derived = { a: 1, b: { c: 2, d: 4 } };
    expect(diff(original, derived)).toEqual({ b: { d: 3 } });
    expect(merge(derived, diff(original, derived))).toEqual(original);
  });

  it('replace a value whole when its shape changed (another distribution kind)', () => {
    const original = { t: { kind: 'constant', ms: 1 } };
    const derived = { t: { kind: 'exponential', meanMs: 20 } };
    const o = overlayOf(original, derived);
    expect(o).toEqual({ t: { kind: 'constant', ms: 1 } });
    expect(merge(derived, o)).toEqual(original);
  });

  it('fall back to the whole original when a key-wise merge would keep a stale key', () => {
    const original = { kind: 'exponential', meanMs: 5 };
    const derived = { kind: 'lognormal', meanMs: 5, stdDevMs: 2 };
    const o = overlayOf(original, derived);
    expect(merge(derived, o)).toEqual(original);
  });

  it('is empty for equal values, whatever their key order', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(overlayOf({ a: [1, 2] }, { a: [1, 2] })).toBeUndefined();
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
  });
});
