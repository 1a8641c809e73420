import { analyzeDocument } from '../../core/analysis';
import type { ArchDocument, Slo, SloMetric } from '../../core/model/schema';

/**
 * What the Experiment panel offers to vary and to plot, read from the document: numeric fields by
 * the paths `archplay sweep --vary` takes, and metric paths of the run summary (`--metric`).
 */

/** A field a sweep can vary: its `--vary` path, the group it is listed under, and its value now. */
export interface FieldChoice {
  path: string;
  group: string;
  /** The owner's id and the field inside it (`web · workload.ratePerSec`). */
  label: string;
  value: number;
}

/** Every numeric leaf under `value`, as dotted keys (list entries by index). */
function numericLeaves(value: unknown, prefix: string, out: [string, number][]): void {
  if (typeof value === 'number') out.push([prefix, value]);
  else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      numericLeaves(v, `${prefix}.${i}`, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      numericLeaves(child, prefix === '' ? key : `${prefix}.${key}`, out);
  }
}

/** Scenario fields a sweep makes no sense over: replications set the seed. */
const FIXED_SCENARIO = new Set(['seed']);

/**
 * The numeric fields of a document a sweep can vary, grouped by node, edge and scenario, in document
 * order. Canvas positions are left out: they change nothing that runs.
 */
export function numericFields(doc: ArchDocument): FieldChoice[] {
  const out: FieldChoice[] = [];
  const add = (owner: 'nodes' | 'edges', id: string, group: string, value: unknown) => {
    const leaves: [string, number][] = [];
    numericLeaves(value, '', leaves);
    for (const [field, v] of leaves)
      out.push({ path: `${owner}.${id}.config.${field}`, group, label: `${id} · ${field}`, value: v });
  };
  for (const n of doc.nodes) add('nodes', n.id, `${n.label || n.id} (${n.id})`, n.config);
  for (const e of doc.edges) add('edges', e.id, `link ${e.id}`, e.config);
  const scenario: [string, number][] = [];
  numericLeaves(doc.scenario, '', scenario);
  for (const [label, value] of scenario) {
    if (!FIXED_SCENARIO.has(label))
      out.push({ path: `scenario.${label}`, group: 'Scenario', label: `scenario · ${label}`, value });
  }
  return out;
}

/** A sweep as the panel edits it: the field and its range, replications per point, the metric to plot. */
export interface SweepForm {
  path: string;
  from: number;
  to: number;
  steps: number;
  replications: number;
  metric: string;
}

/** A value the range starts or ends at: rounded to 3 significant digits, so it reads and types well. */
const tidy = (x: number) => Number(x.toPrecision(3));

/** `x` rounded down to 3 significant digits (for a bound that must not be passed). */
function tidyDown(x: number): number {
  if (!(x > 0)) return tidy(x);
  const unit = 10 ** (Math.floor(Math.log10(x)) - 2);
  return tidy(Math.floor(x / unit) * unit);
}

/**
 * The rate of a client at which the static analysis expects the busiest node's slots all to be busy:
 * the analysis loads the design at the client's peak rate, so that rate over the highest utilisation;
 * null when nothing has a bounded capacity. A guess (expected retries, no queueing), good enough to
 * centre a range on the knee.
 */
function saturationRate(doc: ArchDocument, clientId: string): number | null {
  const load = analyzeDocument(doc).load;
  const peak = load.clients.find((c) => c.nodeId === clientId)?.peakRatePerSec ?? 0;
  let busiest = 0;
  for (const n of load.nodes) busiest = Math.max(busiest, n.utilisation ?? 0);
  return busiest > 0 && peak > 0 ? peak / busiest : null;
}

const RATE_PATH = /^nodes\.(.+)\.config\.workload\.ratePerSec$/;

/** The most requests the top point of a proposed rate range sends in a run, so a default stays quick. */
const MAX_DEFAULT_REQUESTS = 1_000_000;

/**
 * A range for a field. A client's rate goes up to twice its expected saturation (past the knee of
 * the latency-vs-load curve), but no further than a million requests a run, from a tenth of that;
 * any other field goes from half its value to three times it.
 */
export function defaultRange(doc: ArchDocument, path: string): { from: number; to: number; steps: number } {
  const value = numericFields(doc).find((f) => f.path === path)?.value ?? 1;
  const client = RATE_PATH.exec(path)?.[1];
  const saturation = client === undefined ? null : saturationRate(doc, client);
  if (saturation !== null) {
    const to = Math.min(saturation * 2, MAX_DEFAULT_REQUESTS / doc.scenario.durationSec);
    return { from: tidy(to / 10), to: tidyDown(to), steps: 8 };
  }
  return { from: tidy(value / 2) || 0, to: tidy(value * 3) || 1, steps: 6 };
}

/** What the panel opens with: the first client's rate over its default range when there is one. */
export function defaultSweepForm(doc: ArchDocument): SweepForm {
  const fields = numericFields(doc);
  const field = fields.find((f) => RATE_PATH.test(f.path)) ?? fields[0];
  const client = field === undefined ? undefined : RATE_PATH.exec(field.path)?.[1];
  const path = field?.path ?? '';
  return {
    path,
    ...defaultRange(doc, path),
    replications: 3,
    metric: client ? `nodes.${client}.latencyMs.p99` : 'requests.failed',
  };
}

/** A metric the panel can plot: a path of the run summary (or a prefix `--metric` would keep). */
export interface MetricChoice {
  path: string;
  group: string;
  label: string;
}

const NODE_METRICS: [string, string][] = [
  ['latencyMs.p99', 'p99 latency (ms)'],
  ['latencyMs.p95', 'p95 latency (ms)'],
  ['latencyMs.p50', 'p50 latency (ms)'],
  ['latencyMs.mean', 'mean latency (ms)'],
  ['errorRate', 'error rate'],
  ['throughputPerSec', 'throughput (/s)'],
  ['utilization', 'utilisation'],
  ['queueDepth', 'queue depth at the end'],
];
const EDGE_METRICS: [string, string][] = [
  ['latencyMs.p99', 'p99 latency (ms)'],
  ['latencyMs.mean', 'mean latency (ms)'],
  ['failed', 'failed calls'],
  ['retries', 'retries'],
  ['timeouts', 'timeouts'],
];

/** The choice that plots an SLO's observed value (over its own window) instead of a summary path. */
export const SLO_METRIC_PREFIX = 'slo:';

/**
 * Metrics worth plotting against a parameter: each SLO's observed value, the whole run's requests,
 * then each node's and link's numbers.
 */
export function metricChoices(doc: ArchDocument): MetricChoice[] {
  const out: MetricChoice[] = (doc.scenario.slos ?? []).map((slo) => ({
    path: `${SLO_METRIC_PREFIX}${slo.id}`,
    group: 'SLOs',
    label: `${slo.id}: ${slo.metric} of ${slo.target}`,
  }));
  out.push(
    { path: 'requests.failed', group: 'Requests', label: 'failed requests' },
    { path: 'requests.ok', group: 'Requests', label: 'successful requests' },
  );
  for (const n of doc.nodes) {
    const group = `${n.label || n.id} (${n.id})`;
    for (const [key, label] of NODE_METRICS)
      out.push({ path: `nodes.${n.id}.${key}`, group, label: `${n.id} · ${label}` });
  }
  for (const e of doc.edges) {
    if (e.kind !== 'sync') continue;
    for (const [key, label] of EDGE_METRICS)
      out.push({ path: `edges.${e.id}.${key}`, group: `link ${e.id}`, label: `${e.id} · ${label}` });
  }
  return out;
}

/** The summary field an SLO metric reads over the whole measured run, where there is one. */
const SUMMARY_FIELD: Partial<Record<SloMetric, string>> = {
  p50Ms: 'latencyMs.p50',
  p95Ms: 'latencyMs.p95',
  p99Ms: 'latencyMs.p99',
  meanMs: 'latencyMs.mean',
  errorRate: 'errorRate',
  throughputPerSec: 'throughputPerSec',
};

/**
 * The SLOs whose objective can be drawn as a line on a chart of `metric`: same target and same
 * quantity. The line is the objective; an SLO with a window reads only part of the run, so its
 * verdicts (shown per point) may differ from where the whole-run curve crosses it.
 */
export function sloLinesFor(metric: string, slos: readonly Slo[]): Slo[] {
  return slos.filter((slo) => {
    const field = SUMMARY_FIELD[slo.metric];
    if (field === undefined) return false;
    return metric === `nodes.${slo.target}.${field}` || metric === `edges.${slo.target}.${field}`;
  });
}
