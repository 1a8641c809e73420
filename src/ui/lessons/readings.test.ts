import { describe, expect, it } from 'vitest';
import type { CheckVerdict, Lesson } from '../../core/lessons';
import { describeVerdict, formatReading } from './readings';

type Check = Lesson['checks'][number];
const slo = (metric: 'errorRate' | 'p99Ms' | 'throughputPerSec'): Check => ({
  kind: 'slo',
  id: 'c',
  label: 'c',
  target: 'system',
  metric,
  op: '<=',
  value: 1,
});
const verdict = (over: Partial<CheckVerdict>): CheckVerdict => ({
  id: 'c',
  label: 'c',
  kind: 'slo',
  ok: false,
  op: '<=',
  observed: 0.0321,
  value: 0.01,
  seed: 1,
  bySeed: [],
  ...over,
});

describe('lesson readings', () => {
  it('shows rates as percentages, latencies in ms and throughput per second', () => {
    expect(formatReading(slo('errorRate'), 0.0321)).toBe('3.21 %');
    expect(formatReading(slo('p99Ms'), 212.456)).toBe('212 ms');
    expect(formatReading(slo('throughputPerSec'), 98)).toBe('98/s');
  });

  it('says a number is missing rather than showing zero', () => {
    expect(formatReading(slo('p99Ms'), null)).toBe('not measured');
  });

  it('describes a verdict as what was observed and what the check needs', () => {
    expect(describeVerdict(slo('errorRate'), verdict({}))).toBe('observed 3.21 % · needs ≤ 1 %');
  });

  it('names the first violated invariant', () => {
    const check: Check = { kind: 'invariants', id: 'i', label: 'i' };
    const v = verdict({ kind: 'invariants', observed: 2, value: 0, note: 'requests: 3 unaccounted' });
    expect(describeVerdict(check, v)).toBe('2 violations: requests: 3 unaccounted');
    expect(describeVerdict(check, verdict({ kind: 'invariants', ok: true, observed: 0 }))).toBe('all hold');
  });
});
