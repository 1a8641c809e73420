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
