import type { ArchDocument, RunSummary, Slo } from './coreApi';
import {
  metricIntervals,
  type RoundedInterval,
  type SloVerdict,
  sloVerdicts,
  type TaskRecord,
} from './records';
import type { ReplicaTask } from './replica';
import type { SloResult } from './slo';
import { applyValues, type Parameter, type ParameterValue } from './varyPath';

/**
 * Everything needed to turn task records into an experiment's output, so one unsharded run and the
 * merge of its shards render through the same code. Plain JSON; shards carry it.
 */
export interface ExperimentHeader {
  command: 'run' | 'sweep';
  /** FNV-1a of the canonical document, so shards of different documents do not merge. */
  documentHash: string;
  seed: number;
  replications: number;
  /** Sweep parameters (empty for `run`). */
  parameters: Parameter[];
  /** Metric path prefixes to keep (empty = every metric). */
  metrics: string[];
  slos: Slo[];
  taskCount: number;
}

/** 32-bit FNV-1a of a text, as 8 hex digits: a fingerprint, not a security hash. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The seed of replication `r` of an experiment seeded `seed` (seeds S..S+N-1, wrapping at 2^32). */
export function replicationSeed(seed: number, r: number): number {
  return (seed + r) >>> 0;
}

/** Every combination of the parameters' values, the first parameter varying slowest. */
function parameterGrid(parameters: readonly Parameter[]): ParameterValue[][] {
  let grid: ParameterValue[][] = [[]];
  for (const p of parameters) grid = grid.flatMap((combo) => p.values.map((v) => [...combo, v]));
  return grid;
}

/** The documents of a sweep's points, each validated; every problem of every point is reported. */
export function sweepDocuments(
  document: ArchDocument,
  parameters: readonly Parameter[],
): { ok: true; documents: ArchDocument[] } | { ok: false; errors: string[] } {
  const documents: ArchDocument[] = [];
  const errors: string[] = [];
  for (const combo of parameterGrid(parameters)) {
    const applied = applyValues(
      document,
      combo.map((v, i) => [parameters[i]!.path, v] as const),
    );
    if (applied.ok) documents.push(applied.document);
    else errors.push(...applied.errors.filter((e) => !errors.includes(e)));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, documents };
}

/** The tasks of an experiment: replication r of point p is task p * N + r, run with seed S + r. */
export function plannedTasks(documents: readonly ArchDocument[], header: ExperimentHeader): ReplicaTask[] {
  const tasks: ReplicaTask[] = [];
  documents.forEach((document, p) => {
    for (let r = 0; r < header.replications; r++) {
      tasks.push({ index: p * header.replications + r, document, seed: replicationSeed(header.seed, r) });
    }
  });
  return tasks;
}

function keepMetrics(metrics: Record<string, RoundedInterval>, prefixes: readonly string[]) {
  if (prefixes.length === 0) return metrics;
  const out: Record<string, RoundedInterval> = {};
  for (const [path, value] of Object.entries(metrics)) {
    if (prefixes.some((p) => path === p || path.startsWith(`${p}.`))) out[path] = value;
  }
  return out;
}

/** `replications` of `run --replications`: the count and every metric's mean and 95 % interval. */
interface ReplicationsJson {
  n: number;
  metrics: Record<string, RoundedInterval>;
  slos?: SloVerdict[];
}

/** One point of a sweep: the parameter values, the metrics over its replications, the SLO verdicts. */
interface SweepPointJson {
  values: Record<string, ParameterValue>;
  metrics: Record<string, RoundedInterval>;
  slos: SloVerdict[];
}

export interface SweepJson {
  parameters: Parameter[];
  points: SweepPointJson[];
}

/** `run --replications`: the first seed's summary (and SLO verdicts), then the intervals over every seed. */
export type ReplicatedRunJson = RunSummary & { slos?: SloResult[]; replications: ReplicationsJson };

/** The output of an experiment from all its task records (in task order). */
export function renderExperiment(
  header: ExperimentHeader,
  records: readonly TaskRecord[],
): ReplicatedRunJson | SweepJson {
  if (header.command === 'run') {
    const first = records[0]!;
    // The planner keeps the first seed's summary (toRecord's keepSummary): its absence is a bug.
    if (!first.summary) throw new Error(`the record of seed ${first.seed} lost its summary`);
    const replications: ReplicationsJson = {
      n: records.length,
      metrics: keepMetrics(metricIntervals(records), header.metrics),
    };
    if (header.slos.length > 0) replications.slos = sloVerdicts(header.slos, records);
    const slos: { slos?: SloResult[] } = header.slos.length > 0 ? { slos: first.slos } : {};
    return { ...first.summary, ...slos, replications };
  }
  const n = header.replications;
  const points: SweepPointJson[] = parameterGrid(header.parameters).map((combo, p) => {
    const mine = records.slice(p * n, (p + 1) * n);
    const values: Record<string, ParameterValue> = {};
    combo.forEach((v, i) => {
      values[header.parameters[i]!.path] = v;
    });
    return {
      values,
      metrics: keepMetrics(metricIntervals(mine), header.metrics),
      slos: sloVerdicts(header.slos, mine),
    };
  });
  const out: SweepJson = { parameters: header.parameters, points };
  return out;
}
