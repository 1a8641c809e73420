import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogStore } from './logStore';
import { type LogLevel, type LogQuery, levelRank, logLevels, type StoredLogEntry } from './logTypes';

/** The store's rules written plainly: every entry kept in (time, seq) order, the oldest dropped first. */
class ModelStore {
  entries: StoredLogEntry[] = [];
  dropped = 0;
  expired = 0;

  constructor(
    readonly capacity: number,
    readonly retentionMs: number,
  ) {}

  insert(e: StoredLogEntry): void {
    this.entries.push(e);
    this.entries.sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq);
    if (this.entries.length > this.capacity) {
      this.entries.shift();
      this.dropped++;
    }
    while (this.entries[0]!.timeMs < e.timeMs - this.retentionMs) {
      this.entries.shift();
      this.expired++;
    }
  }

  query(q: LogQuery): StoredLogEntry[] {
    const min = q.minLevel === undefined ? 0 : levelRank(q.minLevel);
    return this.entries
      .filter((e) => e.timeMs >= q.startMs && e.timeMs < q.endMs)
      .filter((e) => (q.service === undefined || e.service === q.service) && levelRank(e.level) >= min)
      .reverse()
      .slice(0, q.limit);
  }
}

const entryArb = fc.record({
  timeMs: fc.integer({ min: 0, max: 400 }).map((t) => t / 4),
  service: fc.constantFrom('a', 'b', 'c'),
  level: fc.constantFrom(...logLevels),
  message: fc.constantFrom('m1', 'm2'),
  traceId: fc.constantFrom('', '7', '12'),
  withFields: fc.boolean(),
});

const queryArb = fc.record({
  startMs: fc.integer({ min: 0, max: 100 }),
  span: fc.integer({ min: 0, max: 100 }),
  service: fc.option(fc.constantFrom('a', 'b', 'c', 'z'), { nil: undefined }),
  minLevel: fc.option(fc.constantFrom<LogLevel>(...logLevels), { nil: undefined }),
  limit: fc.integer({ min: 0, max: 30 }),
});

describe('LogStore', () => {
  it('keeps, drops, expires and answers queries exactly like a sorted list of its entries', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 600 }),
        fc.array(queryArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 80 }),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        (entries, queries, capacity, retentionMs) => {
          const store = new LogStore('s', capacity, retentionMs);
          const model = new ModelStore(capacity, retentionMs ?? Number.POSITIVE_INFINITY);
          entries.forEach(({ withFields, ...e }, seq) => {
            const stored: StoredLogEntry = withFields ? { ...e, fields: { seq }, seq } : { ...e, seq };
            store.insert(stored);
            model.insert(stored);
          });
          expect([store.size, store.dropped, store.expired]).toEqual([
            model.entries.length,
            model.dropped,
            model.expired,
          ]);
          for (const { span, ...rest } of queries) {
            const q = { ...rest, endMs: rest.startMs + span };
            // The same entries with the same keys in the same order, so JSON of a result is unchanged.
            expect(JSON.stringify(store.query(q))).toBe(JSON.stringify(model.query(q)));
          }
        },
      ),
    );
  });

  it('does not keep the object it was given: a later change to it does not show in queries', () => {
    const store = new LogStore('s', 10);
    const entry = { timeMs: 1, service: 'a', level: 'info' as const, message: 'm', traceId: '1', seq: 0 };
    store.insert(entry);
    (entry as { message: string }).message = 'changed';
    expect(store.query({ startMs: 0, endMs: 10, limit: 5 })[0]?.message).toBe('m');
  });
});
