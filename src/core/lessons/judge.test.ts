import { describe, expect, it } from 'vitest';
import type { RunSummary, SloResult } from './coreApi';
import { judgeLesson, type LessonRun } from './judge';
import type { LessonCheck } from './schema';

/** A run as the judge reads it for SLO and invariants checks: its seed, its violations and SLO verdicts. */
function run(seed: number, p99: number, violations: string[] = []): LessonRun {
  const summary = { seed, invariants: { violations } } as unknown as RunSummary;
  const slo: SloResult = { id: 'fast', op: '<=', value: 250, observed: p99, ok: p99 <= 250 };
  return { summary, slos: [slo] };
}

const checks: LessonCheck[] = [
  { kind: 'slo', id: 'fast', label: 'fast', target: 'system', metric: 'p99Ms', op: '<=', value: 250 },
  { kind: 'invariants', id: 'inv', label: 'invariants hold' },
];

describe('judgeLesson', () => {
  it('passes a check only when it holds on every seed, and shows the worst seed', () => {
    const verdict = judgeLesson({ checks }, [run(1, 120), run(2, 300), run(3, 200)]);
    const fast = verdict.checks[0]!;
    expect([verdict.ok, fast.ok, fast.observed, fast.seed]).toEqual([false, false, 300, 2]);
    expect(fast.bySeed.map((r) => r.ok)).toEqual([true, false, true]);
  });

  it('passes when every check holds on every seed', () => {
    const verdict = judgeLesson({ checks }, [run(1, 120), run(2, 240)]);
    expect(verdict.ok).toBe(true);
    expect(verdict.seeds).toEqual([1, 2]);
  });

  it('fails the invariants check with the count and the first violation', () => {
    const verdict = judgeLesson({ checks }, [run(1, 100), run(2, 100, ['requests: 3 unaccounted', 'x'])]);
    const inv = verdict.checks[1]!;
    expect([inv.ok, inv.observed, inv.seed, inv.note]).toEqual([false, 2, 2, 'requests: 3 unaccounted']);
  });

  it('fails an SLO check the run did not measure, saying so', () => {
    const other: LessonCheck = { ...checks[0]!, id: 'other' } as LessonCheck;
    const verdict = judgeLesson({ checks: [other] }, [run(1, 100)]);
    expect([verdict.checks[0]!.ok, verdict.checks[0]!.note]).toEqual([false, 'not measured']);
  });

  it('fails every check when there is no run', () => {
    expect(judgeLesson({ checks }, []).checks.every((c) => !c.ok && c.note === 'no run')).toBe(true);
  });
});
