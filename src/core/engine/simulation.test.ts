import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';

describe('Simulation', () => {
  it('runs events in time order and ties in scheduling order', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    sim.schedule(5, (s: string) => seen.push(s), 'b1');
    sim.schedule(1, (s: string) => seen.push(s), 'a');
    sim.schedule(5, (s: string) => seen.push(s), 'b2');
    sim.schedule(5, (s: string) => seen.push(s), 'b3');
    sim.schedule(3, (s: string) => seen.push(s), 'c');
    while (sim.step()) {}
    expect(seen).toEqual(['a', 'c', 'b1', 'b2', 'b3']);
    expect(sim.now).toBe(5);
  });

  it('keeps heap order under many random inserts and removals', () => {
    const sim = new Simulation();
    const out: number[] = [];
    let x = 12345;
    const rand = () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x / 4294967296;
    };
    const fire = (t: number) => {
      out.push(t);
      if (out.length < 20_000) sim.schedule(rand() * 100, fire, sim.now + 0);
    };
    for (let i = 0; i < 3000; i++) sim.schedule(rand() * 100, fire, 0);
    let last = -1;
    while (sim.step()) {
      expect(sim.now).toBeGreaterThanOrEqual(last);
      last = sim.now;
    }
    expect(out.length).toBeGreaterThanOrEqual(20_000);
  });

  it('runs events in (time, seq) order when callbacks schedule none, one or several successors', () => {
    // A reference: every event gets its (time, seq) when scheduled; the run must visit them sorted.
    const sim = new Simulation();
    let x = 777;
    const rand = () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x / 4294967296;
    };
    let seq = 0;
    const scheduled: { t: number; seq: number }[] = [];
    const ran: number[] = [];
    const add = (delay: number) => {
      const id = seq++;
      scheduled.push({ t: sim.now + delay, seq: id });
      sim.schedule(delay, fire, id);
    };
    // Whole-millisecond delays make ties common, zero included.
    const fire = (id: number) => {
      ran.push(id);
      expect(sim.pending).toBe(scheduled.length - ran.length);
      if (scheduled.length >= 30_000) return;
      const r = rand();
      const successors = r < 0.2 ? 0 : r < 0.8 ? 1 : 2;
      for (let k = 0; k < successors; k++) add(Math.floor(rand() * 4));
    };
    for (let i = 0; i < 200; i++) add(Math.floor(rand() * 10));
    sim.runUntil(Number.POSITIVE_INFINITY);
    const expected = [...scheduled].sort((a, b) => a.t - b.t || a.seq - b.seq).map((e) => e.seq);
    expect(ran).toEqual(expected);
    expect(sim.pending).toBe(0);
  });

  it('stays consistent when a callback throws', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    sim.schedule(
      1,
      () => {
        throw new Error('boom');
      },
      null,
    );
    sim.schedule(2, (s: string) => seen.push(s), 'after');
    expect(() => sim.runUntil(10)).toThrow('boom');
    expect(sim.pending).toBe(1);
    expect(sim.peek()).toBe(2);
    sim.runUntil(10);
    expect(seen).toEqual(['after']);
  });

  it('runUntil stops at the time bound, advances the clock, and honours an event budget', () => {
    const sim = new Simulation();
    let fired = 0;
    for (let i = 1; i <= 10; i++) sim.schedule(i * 10, () => fired++, null);
    expect(sim.runUntil(35)).toBe(3);
    expect(sim.now).toBe(35);
    expect(sim.peek()).toBe(40);
    expect(sim.runUntil(1000, 2)).toBe(2);
    expect(sim.now).toBe(50);
    expect(sim.runUntil(1000)).toBe(5);
    expect(sim.now).toBe(1000);
    expect(fired).toBe(10);
    expect(sim.eventsProcessed).toBe(10);
  });

  it('refuses to schedule in the past or at NaN', () => {
    const sim = new Simulation();
    sim.runUntil(10);
    expect(() => sim.scheduleAt(5, () => {}, null)).toThrow(/before now/);
    expect(() => sim.schedule(Number.NaN, () => {}, null)).toThrow(/not a number/);
  });
});
