import { type RunStop, type RunSummary, round3, type Slo, type SloOp } from './coreApi';
import { type MeanInterval, meanInterval } from './intervals';
import { metricPaths } from './metricPaths';
import type { ReplicaResult } from './replica';
import { type SloResult, sloHolds } from './slo';

/**
 * What an experiment keeps of one run: its numbers by path and its SLO verdicts (and, for the first
 * seed of `run --replications`, the whole summary). Plain JSON, so shards carry it between machines.
 */
export interface TaskRecord {
  index: number;
  seed: number;
  metrics: Record<string, number>;
  slos: SloResult[];
  /** False when the run broke an invariant (a bug in the model or in archplay). */
  invariantsOk: boolean;
  /** Why a limit stopped the run before its end; absent when it ran to its end. */
  stopped?: RunStop;
  summary?: RunSummary;
}

/** Keeps what an experiment needs of a result; `keepSummary` for the run whose summary is printed. */
export function toRecord(result: ReplicaResult, seed: number, keepSummary = false): TaskRecord {
  const record: TaskRecord = {
    index: result.index,
    seed,
    metrics: metricPaths(result.summary),
    slos: result.slos,
    invariantsOk: result.summary.invariants.ok,
  };
  if (result.summary.stopped) record.stopped = result.summary.stopped;
  if (keepSummary) record.summary = result.summary;
  return record;
}

/** A mean and interval rounded like the run summary (3 decimals), so outputs compare byte for byte. */
export interface RoundedInterval {
  mean: number;
  ci95: [number, number] | null;
}

function rounded(x: MeanInterval): RoundedInterval {
  return { mean: round3(x.mean), ci95: x.ci95 === null ? null : [round3(x.ci95[0]), round3(x.ci95[1])] };
}

/** The samples of every metric path over the records (in record order), paths in first-seen order. */
export function samplesByPath(records: readonly TaskRecord[]): Map<string, number[]> {
  const samples = new Map<string, number[]>();
  for (const record of records) {
    for (const [path, value] of Object.entries(record.metrics)) {
      const list = samples.get(path);
      if (list) list.push(value);
      else samples.set(path, [value]);
    }
  }
  return samples;
}

/** Mean and 95 % interval of every metric path over replications. */
export function metricIntervals(records: readonly TaskRecord[]): Record<string, RoundedInterval> {
  const out: Record<string, RoundedInterval> = {};
  for (const [path, xs] of samplesByPath(records)) out[path] = rounded(meanInterval(xs));
  return out;
}

/** An SLO judged over replications. */
export interface SloVerdict extends SloResult {
  ci95: [number, number] | null;
}

/** The end of an interval that is worst for the SLO: the high end for an upper bound, the low end for a lower one. */
function pessimisticEnd(op: SloOp, mean: number, ci95: [number, number] | null): number {
  if (ci95 === null) return mean;
  return op === '<' || op === '<=' ? ci95[1] : ci95[0];
}

/**
 * Judges each SLO over replications: `observed` is the mean of the runs' observed values, and the
 * SLO holds only when the pessimistic end of its 95 % interval meets the target (the mean itself
 * with a single run). `only` restricts the SLOs judged.
 */
export function sloVerdicts(
  slos: readonly Slo[],
  records: readonly TaskRecord[],
  only?: ReadonlySet<string>,
): SloVerdict[] {
  return slos
    .filter((slo) => only === undefined || only.has(slo.id))
    .map((slo) => {
      const xs = records.map((r) => r.slos.find((s) => s.id === slo.id)?.observed ?? 0);
      const { mean, ci95 } = rounded(meanInterval(xs));
      const ok = sloHolds(slo.op, pessimisticEnd(slo.op, mean, ci95), slo.value);
      return { id: slo.id, ok, observed: mean, op: slo.op, value: slo.value, ci95 };
    });
}
