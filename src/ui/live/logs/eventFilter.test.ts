import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../worker/protocol';
import { eventCauses, eventTypes, filterEvents, noFilter } from './eventFilter';

const entries: LogEntry[] = [
  { seq: 1, atMs: 10, type: 'fault', severity: 'error', nodeId: 'payment', message: 'instance 0 killed' },
  { seq: 2, atMs: 20, type: 'breaker', severity: 'warn', nodeId: 'order', message: 'breaker CLOSED -> OPEN' },
  { seq: 3, atMs: 30, type: 'registry', severity: 'info', nodeId: 'registry', message: 'payment#0 evicted' },
  {
    seq: 4,
    atMs: 40,
    type: 'breaker',
    severity: 'info',
    nodeId: 'order',
    message: 'breaker OPEN -> HALF_OPEN',
  },
];

describe('event filter', () => {
  it('returns the same array when nothing filters, so the list does not re-render for nothing', () => {
    expect(filterEvents(entries, noFilter)).toBe(entries);
  });

  it('combines type, node, minimum severity and case-insensitive text', () => {
    expect(filterEvents(entries, { ...noFilter, type: 'breaker' }).map((e) => e.seq)).toEqual([2, 4]);
    expect(filterEvents(entries, { ...noFilter, minSeverity: 'warn' }).map((e) => e.seq)).toEqual([1, 2]);
    expect(filterEvents(entries, { ...noFilter, nodeId: 'order', text: 'half' }).map((e) => e.seq)).toEqual([
      4,
    ]);
    expect(filterEvents(entries, { ...noFilter, text: 'PAYMENT' }).map((e) => e.seq)).toEqual([3]);
  });

  it('lists each type once, sorted', () => {
    expect(eventTypes(entries)).toEqual(['breaker', 'fault', 'registry']);
  });

  it('keeps the entries about failures of one cause, and lists the causes the log names in their order', () => {
    const failures: LogEntry[] = [
      ...entries,
      {
        seq: 5,
        atMs: 50,
        type: 'errors',
        severity: 'warn',
        nodeId: 'order',
        message: 'order: 12 of 40 responses failed in the last second (8 timeout, 4 queue full)',
        causes: { queueFull: 4, timeout: 8 },
      },
      {
        seq: 6,
        atMs: 60,
        type: 'errors',
        severity: 'warn',
        nodeId: 'web',
        message: 'web: 3 of 40 responses failed in the last second (3 breaker open)',
        causes: { breakerOpen: 3 },
      },
    ];
    expect(filterEvents(failures, { ...noFilter, cause: 'timeout' }).map((e) => e.seq)).toEqual([5]);
    expect(filterEvents(failures, { ...noFilter, cause: 'breakerOpen' }).map((e) => e.seq)).toEqual([6]);
    expect(eventCauses(failures)).toEqual([
      { id: 'queueFull', label: 'queue full' },
      { id: 'breakerOpen', label: 'breaker open' },
      { id: 'timeout', label: 'timeout' },
    ]);
  });
});
