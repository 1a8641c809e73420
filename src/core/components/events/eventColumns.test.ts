import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventColumns } from './eventColumns';

/** What the columns hold, oldest first, read back through their accessors. */
function rows(c: EventColumns<string>) {
  return Array.from({ length: c.size }, (_, i) => ({
    stream: c.streamAt(i),
    type: c.typeAt(i),
    data: c.dataAt(i),
    id: c.givenIdAt(i),
    version: c.versionAt(i),
    timeMs: c.timeAt(i),
  }));
}

describe('EventColumns', () => {
  it('shifts events oldest first and returns each one’s stream', () => {
    const c = new EventColumns<string>();
    c.push('a', 't1', 1, undefined, 1, 0.5);
    c.push('b', 't2', 2, 'given', 1, 1.25);
    expect([c.shift(), c.size, c.typeAt(0), c.givenIdAt(0), c.timeAt(0)]).toEqual([
      'a',
      1,
      't2',
      'given',
      1.25,
    ]);
    expect([c.shift(), c.size]).toEqual(['b', 0]);
  });

  it('reads every field back after the ring wrapped around and after it grew while wrapped', () => {
    const c = new EventColumns<string>();
    const model: ReturnType<typeof rows> = [];
    const push = (n: number) => {
      const row = {
        stream: `s${n % 7}`,
        type: `t${n % 3}`,
        data: { n },
        id: n % 5 ? undefined : `id${n}`,
        version: n,
        timeMs: n / 3,
      };
      c.push(row.stream, row.type, row.data, row.id, row.version, row.timeMs);
      model.push(row);
    };
    // Fill the first ring (1024 slots) past half, free its start, then wrap and grow while wrapped.
    for (let n = 0; n < 900; n++) push(n);
    for (let k = 0; k < 600; k++) expect(c.shift()).toBe(model.shift()!.stream);
    for (let n = 900; n < 3000; n++) push(n);
    expect(rows(c)).toEqual(model);
  });

  it('keeps the link from an event to its stream’s next one through wrap-around and growth', () => {
    const c = new EventColumns<string>();
    for (let n = 0; n < 700; n++) c.push('s', 't', null, undefined, n, n);
    for (let k = 0; k < 500; k++) c.shift();
    // The oldest event now sits at slot 500; link it, then wrap past the end and grow.
    c.linkNext(0, 4242);
    for (let n = 700; n < 2500; n++) c.push('s', 't', null, undefined, n, n);
    expect([c.nextAt(0), c.nextAt(1), c.versionAt(0)]).toEqual([4242, 0, 500]);
  });

  it('holds, reads and evicts exactly like an array used as a queue', () => {
    const op = fc.oneof(fc.nat({ max: 1_000_000 }), fc.constant(-1));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 4000 }), (ops) => {
        const c = new EventColumns<string>();
        const model: { stream: string; time: number }[] = [];
        for (const o of ops) {
          if (o < 0) {
            if (model.length > 0) expect(c.shift()).toBe(model.shift()!.stream);
          } else {
            c.push(`s${o}`, 't', null, undefined, o, o + 0.5);
            model.push({ stream: `s${o}`, time: o + 0.5 });
          }
        }
        expect(c.size).toBe(model.length);
        expect(
          Array.from({ length: c.size }, (_, i) => ({ stream: c.streamAt(i), time: c.timeAt(i) })),
        ).toEqual(model);
      }),
    );
  });
});
