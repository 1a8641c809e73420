import { describe, expect, it } from 'vitest';
import { EventStore } from './eventStore';
import type { RecordedEvent } from './storeTypes';

const ev = (type: string, data: unknown = {}) => ({ type, data });

function storeWith(streamId: string, count: number, store = new EventStore()): EventStore {
  for (let i = 0; i < count; i++) store.append(streamId, [ev('e', i)], 'any', i * 10);
  return store;
}

describe('EventStore expected revisions (EventStoreDB)', () => {
  it('puts a stream with one event at revision 0: exact(0) after one event appends', () => {
    const store = storeWith('s', 1);
    expect(store.revision('s')).toBe(0);
    const r = store.append('s', [ev('next')], 0, 10);
    expect(r.ok).toBe(true);
    expect(store.revision('s')).toBe(1);
  });

  it('conflicts on exact(2) against a stream of four events (revision 3) while exact(3) appends', () => {
    const store = storeWith('order-1', 4);
    const stale = store.append('order-1', [ev('late')], 2, 100);
    expect(stale).toEqual({
      ok: false,
      error: { kind: 'wrongExpectedVersion', streamId: 'order-1', expected: 2, actual: 3 },
    });
    const ok = store.append('order-1', [ev('next')], 3, 100);
    expect(ok.ok && store.revision('order-1')).toBe(4);
  });

  it('conflicts on noStream against an existing stream, and reports its revision', () => {
    const store = storeWith('s', 1);
    expect(store.append('s', [ev('b')], 'noStream', 0)).toEqual({
      ok: false,
      error: { kind: 'wrongExpectedVersion', streamId: 's', expected: 'noStream', actual: 0 },
    });
  });

  it('conflicts on streamExists against a new stream, then accepts it once the stream has an event', () => {
    const store = new EventStore();
    expect(store.append('s', [ev('a')], 'streamExists', 0)).toEqual({
      ok: false,
      error: { kind: 'wrongExpectedVersion', streamId: 's', expected: 'streamExists', actual: -1 },
    });
    expect(store.append('s', [ev('a')], 'noStream', 0).ok).toBe(true);
    expect(store.append('s', [ev('b')], 'streamExists', 0).ok).toBe(true);
  });

  it('skips the check with any, and treats the revision -1 as noStream', () => {
    const store = new EventStore();
    expect(store.append('s', [ev('a')], -1, 0).ok).toBe(true);
    expect(store.append('s', [ev('b')], -1, 0).ok).toBe(false);
    expect(store.append('s', [ev('c')], 'any', 0).ok).toBe(true);
    expect(store.revision('s')).toBe(1);
  });

  it('leaves the store untouched when an append conflicts', () => {
    const store = storeWith('s', 2);
    store.append('s', [ev('x'), ev('y')], 0, 5);
    expect([store.headPosition, store.version('s'), store.readStream('s').length]).toEqual([2, 2, 2]);
  });
});

describe('EventStore positions and reads', () => {
  it('gives every event a gap-free global position and a record time that is never rewritten', () => {
    const store = new EventStore();
    store.append('a', [ev('a1'), ev('a2')], 'noStream', 5);
    store.append('b', [ev('b1')], 'noStream', 7);
    store.append('a', [ev('a3')], 1, 9);
    const all = store.readAll();
    expect(all.map((e) => [e.streamId, e.version, e.position, e.recordedAtMs])).toEqual([
      ['a', 1, 1, 5],
      ['a', 2, 2, 5],
      ['b', 1, 3, 7],
      ['a', 3, 4, 9],
    ]);
    expect(store.readAll(3, 1).map((e) => e.type)).toEqual(['b1']);
    expect(store.readStream('a', 2).map((e) => e.type)).toEqual(['a2', 'a3']);
    expect(store.eventAt(4)?.type).toBe('a3');
  });

  it('says a snapshot is due each time a stream version crosses a multiple of snapshotEvery', () => {
    const store = new EventStore({ snapshotEvery: 3 });
    const due = [1, 2, 3, 4, 5, 6, 7].map((i) => {
      const r = store.append('s', [ev('e', i)], 'any', i);
      return r.ok && r.snapshotDue;
    });
    expect(due).toEqual([false, false, true, false, false, true, false]);
    const batch = store.append('s', [ev('a'), ev('b'), ev('c')], 6, 8);
    expect(batch.ok && batch.snapshotDue).toBe(true);
  });

  it('keeps the newest snapshot and refuses versions the stream does not have', () => {
    const store = storeWith('s', 5);
    expect(store.saveSnapshot('s', 6, { n: 6 }, 0)).toBe(false);
    expect(store.saveSnapshot('s', 4, { n: 4 }, 0)).toBe(true);
    expect(store.saveSnapshot('s', 2, { n: 2 }, 0)).toBe(false);
    expect(store.latestSnapshot('s')?.version).toBe(4);
  });

  it('feeds a subscriber the stored events from its position and then every new one in order', () => {
    const store = storeWith('s', 3);
    const seen: number[] = [];
    const sub = store.subscribe(2, (e: RecordedEvent) => seen.push(e.position));
    store.append('t', [ev('x')], 'noStream', 50);
    expect(seen).toEqual([2, 3, 4]);
    expect(sub.position).toBe(4);
    sub.close();
    store.append('t', [ev('y')], 'any', 60);
    expect(seen).toEqual([2, 3, 4]);
  });

  it('archives the oldest events beyond maxRetainedEvents but keeps versions and positions', () => {
    const store = new EventStore({ maxRetainedEvents: 3 });
    for (let i = 0; i < 10; i++) store.append(`s${i % 2}`, [ev('e', i)], 'any', i);
    expect([store.archived, store.firstRetainedPosition, store.headPosition]).toEqual([7, 8, 10]);
    expect(store.readAll().map((e) => e.position)).toEqual([8, 9, 10]);
    expect(store.version('s0')).toBe(5);
    expect(store.readStream('s0').map((e) => e.version)).toEqual([5]);
    expect(store.append('s0', [ev('z')], 5, 11).ok).toBe(false);
    expect(store.append('s0', [ev('z')], 4, 11).ok).toBe(true);
  });

  it('reads back exactly what was appended once the window has wrapped many times', () => {
    const store = new EventStore({ maxRetainedEvents: 1500 });
    const appended: RecordedEvent[] = [];
    for (let i = 0; i < 5000; i++) {
      // One to three events per append, so a stream's events are linked within an append too.
      const events = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
        type: `t${(i + k) % 4}`,
        data: { i, k },
      }));
      const r = store.append(`s${i % 13}`, events, 'any', i * 1.5);
      if (r.ok) appended.push(...r.events);
    }
    const kept = appended.slice(-1500);
    const fields = (e: RecordedEvent) => [
      e.eventId,
      e.streamId,
      e.type,
      e.data,
      e.version,
      e.position,
      e.recordedAtMs,
    ];
    expect(store.readAll().map(fields)).toEqual(kept.map(fields));
    expect(store.eventAt(kept[0]!.position - 1)).toBeUndefined();
    expect(fields(store.eventAt(kept[700]!.position)!)).toEqual(fields(kept[700]!));
    const s5 = kept.filter((e) => e.streamId === 's5');
    expect(store.readStream('s5').map(fields)).toEqual(s5.map(fields));
    expect(store.firstRetainedVersion('s5')).toBe(s5[0]!.version);
    expect(store.readStream('s5', s5[3]!.version, 2).map(fields)).toEqual(s5.slice(3, 5).map(fields));
  });

  it('hands a subscriber the same event objects the append returned', () => {
    const store = new EventStore();
    const seen: RecordedEvent[] = [];
    store.subscribe(1, (e) => seen.push(e));
    const r = store.append('s', [ev('a'), ev('b')], 'any', 0);
    expect(r.ok && r.events).toEqual(seen);
    expect(r.ok && r.events[1]).toBe(seen[1]);
  });

  it('names an event streamId:version unless the append gave it an id', () => {
    const store = new EventStore();
    store.append('s', [ev('a'), { type: 'b', data: {}, eventId: 'given' }], 'any', 0);
    expect(store.readStream('s').map((e) => e.eventId)).toEqual(['s:1', 'given']);
  });

  it('archives a revived stream from its new events, then retires it again', () => {
    const store = new EventStore({ maxRetainedEvents: 2 });
    store.append('a', [ev('a1')], 'any', 0);
    store.append('b', [ev('b1'), ev('b2')], 'any', 1);
    expect(store.streamIds().next().value).toBe('b');
    store.append('a', [ev('a2')], 0, 2);
    store.append('c', [ev('c1'), ev('c2')], 'any', 3);
    expect([...store.streamIds()]).toEqual(['c']);
    expect([store.version('a'), store.firstRetainedVersion('a'), store.archived]).toEqual([2, 3, 4]);
  });

  it('forgets the oldest retired streams and gives their rows to new streams without mixing them', () => {
    const store = new EventStore({ maxRetainedEvents: 4, maxRetiredStreams: 3 });
    for (let i = 0; i < 40; i++) {
      store.append(`s${i}`, [ev('a'), ev('b')], 'noStream', i);
      store.remember(`s${i}`, store, 2, `state of s${i}`);
    }
    // Live: s38, s39; retired, newest three: s35 to s37; forgotten: s0 to s34.
    expect([store.forgottenStreams, store.archived, [...store.streamIds()]]).toEqual([
      35,
      76,
      ['s38', 's39'],
    ]);
    expect([store.version('s36'), store.lastPosition('s36'), store.firstRetainedVersion('s36')]).toEqual([
      2, 74, 3,
    ]);
    expect([store.version('s3'), store.lastPosition('s3'), store.recall('s39', store)]).toEqual([
      0,
      0,
      'state of s39',
    ]);
    expect(store.readStream('s39').map((e) => [e.streamId, e.version, e.position])).toEqual([
      ['s39', 1, 79],
      ['s39', 2, 80],
    ]);
    // A forgotten id starts anew, and the streams whose rows it may take keep their own.
    expect(store.append('s3', [ev('again')], 'noStream', 50).ok).toBe(true);
    expect([store.version('s3'), store.version('s36'), store.version('s39')]).toEqual([1, 2, 2]);
    expect(store.recall('s3', store)).toBeUndefined();
  });

  it('finds a stream it was asked about before the stream existed, once an append created it', () => {
    const store = new EventStore();
    expect([store.version('s'), store.lastPosition('s')]).toEqual([0, 0]);
    store.append('s', [], 'any', 0);
    expect(store.version('s')).toBe(0);
    store.append('s', [ev('a')], 'noStream', 1);
    expect([store.version('s'), store.lastPosition('s'), store.streamCount]).toEqual([1, 1, 1]);
  });
});
