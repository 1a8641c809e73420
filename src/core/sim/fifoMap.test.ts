import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FifoMap } from './fifoMap';

describe('FifoMap', () => {
  it('shifts keys in insertion order', () => {
    const m = new FifoMap<string, number>();
    for (const k of ['a', 'b', 'c']) m.set(k, 1);
    expect([m.shift(), m.shift(), m.shift(), m.shift()]).toEqual(['a', 'b', 'c', undefined]);
    expect(m.size).toBe(0);
  });

  it('keeps the place of a key set again, and moves a key deleted then set to the end', () => {
    const m = new FifoMap<string, number>();
    for (const k of ['a', 'b', 'c']) m.set(k, 1);
    m.set('a', 2);
    m.delete('b');
    m.set('b', 3);
    expect([...m.entries()]).toEqual([
      ['a', 2],
      ['c', 1],
      ['b', 3],
    ]);
    expect([m.shift(), m.shift(), m.shift()]).toEqual(['a', 'c', 'b']);
  });

  it('orders, holds, peeks and evicts exactly like a Map used as a window', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('shift' as const) }),
      fc.record({ kind: fc.constant('peek' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const model = new Map<number, number>();
        const m = new FifoMap<number, number>();
        ops.forEach((o, i) => {
          if (o.kind === 'set') {
            model.set(o.key, i);
            m.set(o.key, i);
          } else if (o.kind === 'delete') {
            expect(m.delete(o.key)).toBe(model.delete(o.key));
          } else if (o.kind === 'peek') {
            expect(m.peek()).toBe(model.keys().next().value);
          } else {
            const oldest = model.keys().next().value;
            if (oldest !== undefined) model.delete(oldest);
            expect(m.shift()).toBe(oldest);
          }
          expect(m.size).toBe(model.size);
        });
        expect([...m.entries()]).toEqual([...model.entries()]);
        expect([...m.keys()]).toEqual([...model.keys()]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps Map order through compactions of many deleted and re-set keys', () => {
    const model = new Map<number, number>();
    const m = new FifoMap<number, number>();
    const both = (f: (x: Map<number, number> | FifoMap<number, number>) => void) => {
      f(model);
      f(m);
    };
    for (let k = 0; k < 5000; k++) both((x) => x.set(k, k));
    for (let k = 0; k < 5000; k += 2) both((x) => x.delete(k));
    for (let k = 0; k < 3000; k += 4) both((x) => x.set(k, -k));
    const shifted: (number | undefined)[] = [];
    for (let i = 0; i < 1000; i++) shifted.push(m.shift());
    const expected = [...model.keys()].slice(0, 1000);
    for (const k of expected) model.delete(k);
    expect(shifted).toEqual(expected);
    expect([...m.entries()]).toEqual([...model.entries()]);
  });
});
