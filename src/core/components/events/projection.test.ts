import { describe, expect, it } from 'vitest';
import { EventStore } from './eventStore';
import { equalsReplay, Projection, type ProjectionDefinition } from './projection';

interface Counter {
  count: number;
  lastType: string;
}

const counters: ProjectionDefinition<Counter> = {
  name: 'counters',
  apply: (model, e) => {
    const doc = model.get(e.streamId) ?? { count: 0, lastType: '' };
    model.set(e.streamId, { count: doc.count + 1, lastType: e.type });
  },
};

function filled(): EventStore {
  const store = new EventStore();
  for (let i = 0; i < 6; i++) store.append(`s${i % 2}`, [{ type: `t${i}`, data: i }], 'any', i * 100);
  return store;
}

describe('Projection', () => {
  it('applies a redelivered event once: positions at or below the checkpoint are skipped', () => {
    const store = filled();
    const p = new Projection(counters);
    const events = store.readAll();
    const redelivered = [events[0]!, events[1]!, events[0]!, events[1]!, events[2]!, events[2]!];
    expect(redelivered.map((e) => p.apply(e))).toEqual([
      'applied',
      'applied',
      'skipped',
      'skipped',
      'applied',
      'skipped',
    ]);
    expect(p.model.get('s0')).toEqual({ count: 2, lastType: 't2' });
    expect(p.checkpoint).toBe(3);
  });

  it('refuses an event past checkpoint + 1 so a gap is never skipped silently', () => {
    const store = filled();
    const p = new Projection(counters);
    expect(p.apply(store.eventAt(2)!)).toBe('gap');
    expect(p.checkpoint).toBe(0);
  });

  it('measures lag in positions and in time from the oldest unapplied event', () => {
    const store = filled();
    const p = new Projection(counters);
    p.catchUp(store, 2);
    expect(p.lag(store, 1000)).toEqual({ positions: 4, ms: 1000 - 200 });
    p.catchUp(store);
    expect(p.lag(store, 1000)).toEqual({ positions: 0, ms: 0 });
    expect(p.caughtUp(store)).toBe(true);
  });

  it('equals a fresh replay of the store at its checkpoint, and detects a tampered read model', () => {
    const store = filled();
    const p = new Projection(counters);
    p.catchUp(store, 4);
    expect(equalsReplay(p, store)).toEqual({ status: 'equal' });
    p.catchUp(store);
    expect(equalsReplay(p, store)).toEqual({ status: 'equal' });
    p.model.set('s1', { count: 99, lastType: 'x' });
    const check = equalsReplay(p, store);
    expect(check.status).toBe('different');
  });

  it('catches up past archived events, counting them as missed and reporting replay as unverifiable', () => {
    const store = new EventStore({ maxRetainedEvents: 2 });
    for (let i = 0; i < 5; i++) store.append('s', [{ type: 'e', data: i }], 'any', i);
    const p = new Projection(counters);
    expect(p.catchUp(store)).toBe(2);
    expect([p.missed, p.checkpoint]).toEqual([3, 5]);
    expect(equalsReplay(p, store).status).toBe('unverifiable');
  });
});
