import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../engine/rng';
import { LogStore } from './logStore';
import { LogRouter } from './logSystem';
import { type LogEntry, type LogLevel, logLevels, type StoredLogEntry } from './logTypes';

const entry = (timeMs: number, service = 'orders', level: LogLevel = 'info'): LogEntry => ({
  timeMs,
  service,
  level,
  message: `${service}@${timeMs}`,
  traceId: `t${timeMs}`,
});

function router(strategy: 'serviceHash' | 'roundRobin' | 'time', shards = 3, capacity = 10_000): LogRouter {
  const stores = Array.from({ length: shards }, (_, i) => new LogStore(`s${i}`, capacity));
  return new LogRouter(stores, { strategy, timeBucketMs: 100 });
}

function isNewestFirst(list: readonly StoredLogEntry[]): boolean {
  return list.every(
    (e, i) =>
      i === 0 ||
      list[i - 1]!.timeMs > e.timeMs ||
      (list[i - 1]!.timeMs === e.timeMs && list[i - 1]!.seq > e.seq),
  );
}

describe('Log query bounds', () => {
  it('includes the start time and excludes the end time', () => {
    const r = router('roundRobin');
    for (const t of [99, 100, 150, 199, 200, 201]) r.append(entry(t));
    const times = r.query({ startMs: 100, endMs: 200, limit: 100 }).map((e) => e.timeMs);
    expect(times).toEqual([199, 150, 100]);
    expect(r.query({ startMs: 200, endMs: 200, limit: 10 })).toEqual([]);
  });
});

describe('Log query merge across shards', () => {
  for (const strategy of ['serviceHash', 'roundRobin', 'time'] as const) {
    it(`merges every shard newest first and applies the limit (${strategy})`, () => {
      const rng = new Sfc32(7);
      const r = router(strategy);
      const written: LogEntry[] = [];
      for (let i = 0; i < 400; i++) {
        // Mostly in order with some late arrivals, several services and all levels.
        const t = i * 5 - (rng.next() < 0.2 ? Math.floor(rng.next() * 40) : 0);
        const e = entry(
          Math.max(0, t),
          `svc${Math.floor(rng.next() * 5)}`,
          logLevels[Math.floor(rng.next() * 4)]!,
        );
        r.append(e);
        written.push(e);
      }
      expect(new Set(r.stores.filter((s) => s.size > 0).map((s) => s.id)).size).toBeGreaterThan(1);
      const result = r.query({ startMs: 300, endMs: 1500, limit: 25 });
      expect(result).toHaveLength(25);
      expect(isNewestFirst(result)).toBe(true);
      const expected = written
        .filter((e) => e.timeMs >= 300 && e.timeMs < 1500)
        .map((e) => e.timeMs)
        .sort((a, b) => b - a)
        .slice(0, 25);
      expect(result.map((e) => e.timeMs)).toEqual(expected);
    });
  }

  it('orders equal times by arrival across shards', () => {
    const r = router('roundRobin');
    for (const s of ['a', 'b', 'c', 'd']) r.append(entry(10, s));
    expect(r.query({ startMs: 0, endMs: 11, limit: 10 }).map((e) => e.service)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('Log query filters', () => {
  it('filters by service and by minimum level', () => {
    const r = router('serviceHash');
    const levels: LogLevel[] = ['debug', 'info', 'warn', 'error'];
    for (let t = 0; t < 40; t++) r.append(entry(t, t % 2 === 0 ? 'orders' : 'payments', levels[t % 4]!));
    const warnUp = r.query({ startMs: 0, endMs: 40, minLevel: 'warn', limit: 100 });
    expect(warnUp.map((e) => e.level).every((l) => l === 'warn' || l === 'error')).toBe(true);
    expect(warnUp).toHaveLength(20);
    expect(isNewestFirst(warnUp)).toBe(true);
    const payErrors = r.query({ startMs: 0, endMs: 40, service: 'payments', minLevel: 'error', limit: 3 });
    expect(payErrors.map((e) => [e.timeMs, e.service, e.level])).toEqual([
      [39, 'payments', 'error'],
      [35, 'payments', 'error'],
      [31, 'payments', 'error'],
    ]);
    expect(r.query({ startMs: 0, endMs: 40, service: 'nobody', limit: 5 })).toEqual([]);
  });
});

describe('LogStore capacity', () => {
  it('drops the oldest entries beyond capacity, counts them, and keeps every index consistent', () => {
    const store = new LogStore('s', 5);
    for (let t = 0; t < 12; t++)
      store.append(entry(t, t % 3 === 0 ? 'a' : 'b', t % 2 === 0 ? 'error' : 'info'));
    store.append(entry(3, 'a', 'error')); // a late entry older than everything kept: dropped at once
    expect([store.size, store.dropped, store.appended]).toEqual([5, 8, 13]);
    const all = store.query({ startMs: 0, endMs: 100, limit: 100 });
    expect(all.map((e) => e.timeMs)).toEqual([11, 10, 9, 8, 7]);
    expect(store.query({ startMs: 0, endMs: 100, service: 'a', limit: 100 }).map((e) => e.timeMs)).toEqual([
      9,
    ]);
    expect(
      store.query({ startMs: 0, endMs: 100, minLevel: 'error', limit: 100 }).map((e) => e.timeMs),
    ).toEqual([10, 8]);
  });

  it('places a late entry in time order', () => {
    const store = new LogStore('s', 100);
    for (const t of [10, 20, 30, 15, 5, 30]) store.append(entry(t));
    expect(store.query({ startMs: 0, endMs: 100, limit: 100 }).map((e) => e.timeMs)).toEqual([
      30, 30, 20, 15, 10, 5,
    ]);
  });
});
