import { metricPaths, type RunSummary, type SloOp, type SloResult, sloHolds } from './coreApi';
import { metricBound, readMetric } from './metricCheck';
import type { Lesson, LessonCheck } from './schema';

/** One run a lesson's checks read: its summary (with the seed) and the verdicts of the checks' SLOs. */
export interface LessonRun {
  summary: RunSummary;
  slos: readonly SloResult[];
}

/** How one check fared on one seed. */
interface SeedReading {
  seed: number;
  ok: boolean;
  /** The number the check read (violations for the invariants), or null when the run had none. */
  observed: number | null;
  /** The bound it was compared with (for a relative bound, this run's). */
  value: number | null;
}

/** How one check fared: it passes only when it held on every seed; the worst seed is shown. */
export interface CheckVerdict {
  id: string;
  label: string;
  kind: LessonCheck['kind'];
  ok: boolean;
  op: SloOp;
  observed: number | null;
  value: number | null;
  /** The seed whose reading is shown: the worst one. */
  seed: number;
  bySeed: SeedReading[];
  /** Why there is no number, or the first invariant violated. */
  note?: string;
}

/** A design judged against a lesson. */
export interface LessonVerdict {
  ok: boolean;
  seeds: number[];
  checks: CheckVerdict[];
}

function readOne(check: LessonCheck, run: LessonRun): { reading: SeedReading; note?: string } {
  const seed = run.summary.seed;
  if (check.kind === 'slo') {
    const result = run.slos.find((s) => s.id === check.id);
    if (result === undefined)
      return { reading: { seed, ok: false, observed: null, value: check.value }, note: 'not measured' };
    return { reading: { seed, ok: result.ok, observed: result.observed, value: result.value } };
  }
  if (check.kind === 'invariants') {
    const { violations } = run.summary.invariants;
    const reading = { seed, ok: violations.length === 0, observed: violations.length, value: 0 };
    return violations.length > 0 ? { reading, note: violations[0] } : { reading };
  }
  const metrics = metricPaths(run.summary);
  const observed = readMetric(metrics, check.path, check.aggregate) ?? check.ifAbsent ?? null;
  const value = metricBound(check, metrics);
  if (observed === null || value === null) {
    const missing = observed === null ? check.path : (check.value as { path: string }).path;
    return { reading: { seed, ok: false, observed, value }, note: `the run has no number at ${missing}` };
  }
  return { reading: { seed, ok: sloHolds(check.op, observed, value), observed, value } };
}

/** How far a reading is on the wrong side of its bound (larger is worse; a missing number is worst). */
function shortfall(op: SloOp, r: SeedReading): number {
  if (r.observed === null || r.value === null) return Number.POSITIVE_INFINITY;
  return op === '<' || op === '<=' ? r.observed - r.value : r.value - r.observed;
}

/**
 * Judges a lesson's checks over its runs (one per seed): a check passes when it holds on every
 * seed, since a learner's design must not pass by the luck of one draw. SLO checks take the
 * verdicts of the SLO evaluator (`observeRun`), metric checks read the summary's metric paths,
 * and the invariants check reads the run's invariant report.
 */
export function judgeLesson(lesson: Pick<Lesson, 'checks'>, runs: readonly LessonRun[]): LessonVerdict {
  const checks = lesson.checks.map((check): CheckVerdict => {
    const op: SloOp = check.kind === 'invariants' ? '<=' : check.op;
    const readings = runs.map((run) => readOne(check, run));
    let worst = 0;
    readings.forEach((r, k) => {
      if (shortfall(op, r.reading) > shortfall(op, readings[worst]!.reading)) worst = k;
    });
    const shown = readings[worst];
    const verdict: CheckVerdict = {
      id: check.id,
      label: check.label,
      kind: check.kind,
      ok: readings.length > 0 && readings.every((r) => r.reading.ok),
      op,
      observed: shown?.reading.observed ?? null,
      value: shown?.reading.value ?? null,
      seed: shown?.reading.seed ?? 0,
      bySeed: readings.map((r) => r.reading),
    };
    const note = shown?.note ?? (readings.length === 0 ? 'no run' : undefined);
    if (note !== undefined) verdict.note = note;
    return verdict;
  });
  return { ok: checks.every((c) => c.ok), seeds: runs.map((r) => r.summary.seed), checks };
}
