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
});
