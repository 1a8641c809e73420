import { describe, expect, it } from 'vitest';
import { EventLog } from './eventLog';

describe('EventLog', () => {
  it('keeps the newest capacity entries and numbers them from 1', () => {
    const log = new EventLog(3);
    for (let i = 0; i < 5; i++) log.append(i, 't', 'info', null, `m${i}`);
    expect(log.length).toBe(3);
    expect(log.since(0).map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('returns only entries newer than the given seq, capped to the newest', () => {
    const log = new EventLog(10);
    for (let i = 0; i < 6; i++) log.append(i, 't', 'warn', 'n', `m${i}`);
    expect(log.since(4).map((e) => e.message)).toEqual(['m4', 'm5']);
    expect(log.since(0, 2).map((e) => e.seq)).toEqual([5, 6]);
    expect(log.since(6)).toEqual([]);
  });

  it('hands a reader the oldest entries it has not had, so asking again after the last one misses nothing', () => {
    const log = new EventLog(10);
    for (let i = 0; i < 7; i++) log.append(i, 't', 'info', null, `m${i}`);
    const first = log.after(0, 3);
    expect(first.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log.after(first.at(-1)!.seq, 3).map((e) => e.seq)).toEqual([4, 5, 6]);
    expect(log.after(6, 3).map((e) => e.seq)).toEqual([7]);
    expect(log.after(7, 3)).toEqual([]);
    // What the ring no longer holds is skipped, not returned stale.
    for (let i = 7; i < 20; i++) log.append(i, 't', 'info', null, `m${i}`);
    expect(log.after(2, 3).map((e) => e.seq)).toEqual([11, 12, 13]);
  });
});
