import {
  type ExperimentHeader,
  renderExperiment,
  type SweepJson,
  type TaskRecord,
} from '../../core/experiments';
import type { Slo } from '../../core/model/schema';
import { SLO_METRIC_PREFIX, sloLinesFor } from './sweepChoices';

/** A finished sweep: the experiment's header and every task's record, in task order. */
export interface SweepOutcome {
  header: ExperimentHeader;
  records: TaskRecord[];
  /** The name of the document that was swept. */
  documentName: string;
}

const keeps = (prefix: string) => (path: string) => path === prefix || path.startsWith(`${prefix}.`);

/**
 * The sweep's output for one metric, as `archplay sweep --metric <metric> --json` prints it. The
 * records are cut to that metric before the statistics, which gives the same numbers as cutting the
 * output after them (each path's interval is its own) without an interval for every other path.
 */
function sweepResult(outcome: SweepOutcome, metric: string): SweepJson {
  const keep = keeps(metric);
  const records = outcome.records.map((r) => ({
    ...r,
    metrics: Object.fromEntries(Object.entries(r.metrics).filter(([path]) => keep(path))),
  }));
  return renderExperiment({ ...outcome.header, metrics: [metric] }, records) as SweepJson;
}

/** The text `archplay sweep ... --metric <metric> --json` prints for this sweep. */
export function sweepJsonText(outcome: SweepOutcome, metric: string): string {
  return `${JSON.stringify(sweepResult(outcome, metric), null, 2)}\n`;
}

/** One point of the sweep chart: the parameter value, the metric's mean and 95 % band, the SLOs' verdict. */
export interface SweepRow {
  x: number;
  mean: number | null;
  band: [number, number] | null;
  /** True when every SLO held at this point (judged on its interval), null without SLOs. */
  ok: boolean | null;
  failed: string[];
}

/** A horizontal line at an SLO's objective. */
interface SloLine {
  id: string;
  value: number;
  label: string;
}

export interface SweepChart {
  parameter: string;
  rows: SweepRow[];
  lines: SloLine[];
}

/** The chart of `metric` against the swept parameter, with the SLO lines that apply to it. */
export function sweepChart(outcome: SweepOutcome, metric: string): SweepChart {
  const result = sweepResult(outcome, metric);
  const parameter = outcome.header.parameters[0]!.path;
  const sloId = metric.startsWith(SLO_METRIC_PREFIX) ? metric.slice(SLO_METRIC_PREFIX.length) : null;
  const rows = result.points.map((point): SweepRow => {
    const verdict = sloId === null ? undefined : point.slos.find((s) => s.id === sloId);
    const reading =
      sloId === null ? point.metrics[metric] : verdict && { mean: verdict.observed, ci95: verdict.ci95 };
    const failed = point.slos.filter((s) => !s.ok).map((s) => s.id);
    return {
      x: Number(point.values[parameter]),
      mean: reading?.mean ?? null,
      band: reading?.ci95 ?? null,
      ok: point.slos.length === 0 ? null : failed.length === 0,
      failed,
    };
  });
  const slos: Slo[] = outcome.header.slos;
  const drawn = sloId === null ? sloLinesFor(metric, slos) : slos.filter((s) => s.id === sloId);
  const lines = drawn.map((s) => ({ id: s.id, value: s.value, label: `${s.id} ${s.op} ${s.value}` }));
  return { parameter, rows, lines };
}

/**
 * Where the SLOs stop holding along the sweep: the last value before the first point where one
 * failed (null when the first point already fails) and that first failing value (null when every
 * point holds). Both null without SLOs.
 */
export function sloCrossing(rows: readonly SweepRow[]): {
  holdsUpTo: number | null;
  failsFrom: number | null;
} {
  if (rows.every((r) => r.ok === null)) return { holdsUpTo: null, failsFrom: null };
  const first = rows.findIndex((r) => r.ok === false);
  if (first === -1) return { holdsUpTo: rows.at(-1)?.x ?? null, failsFrom: null };
  return { holdsUpTo: first === 0 ? null : rows[first - 1]!.x, failsFrom: rows[first]!.x };
}
