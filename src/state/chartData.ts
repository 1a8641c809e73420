import {
  BREAKER_NONE,
  EDGE_COL,
  EDGE_STRIDE,
  type Frame,
  NODE_COL,
  NODE_STRIDE,
  type RunLayout,
} from '../worker/protocol';
import type { ChartModel, ChartRow, SeriesDef } from './chartModel';
import { edgeFailureChart, nodeFailureChart, systemFailureChart } from './failureData';

/** What the charts panel shows for one scope (the whole system, a node or an edge). */
export interface ChartSet {
  throughput: ChartModel;
  latency: ChartModel;
  errorRate: ChartModel;
  queues: ChartModel;
  breakers: ChartModel;
  /** Failures per second by cause, stacked. */
  failures: ChartModel;
}

/** Names and kinds the charts need from the document. */
export interface ChartContext {
  layout: RunLayout;
  clientIds: ReadonlySet<string>;
  /** Node ids of queues worth charting: services, buses, read models. */
  queueIds: ReadonlySet<string>;
  /** Source and target of each edge, to find the breakers around a node. */
  edgeEnds: ReadonlyMap<string, { source: string; target: string }>;
  labelOf(id: string): string;
}

/** Most breaker series a chart draws: those that left the closed state first, then in layout order. */
export const MAX_BREAKER_SERIES = 6;

/** Most queue series a chart draws: the deepest ones. */
const MAX_QUEUE_SERIES = 5;

const empty = (): ChartModel => ({ series: [], rows: [] });
const secs = (f: Frame) => Math.round(f.nowMs) / 1000;
const round = (x: number, digits = 2) => {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
};

function node(f: Frame, index: number, col: number): number {
  return f.nodeStats[index * NODE_STRIDE + col] ?? 0;
}

function edge(f: Frame, index: number, col: number): number {
  return f.edgeStats[index * EDGE_STRIDE + col] ?? 0;
}

/** Breaker series of the given edges that have a breaker at all (state -1 = none). */
function breakerChart(history: readonly Frame[], ctx: ChartContext, edgeIndices: number[]): ChartModel {
  const last = history.at(-1);
  if (!last) return empty();
  const tripped = (i: number) => history.some((f) => edge(f, i, EDGE_COL.breakerState) > 0);
  const withBreaker = edgeIndices
    .filter((i) => edge(last, i, EDGE_COL.breakerState) !== BREAKER_NONE)
    .map((i) => ({ i, tripped: tripped(i) }))
    .sort((a, b) => Number(b.tripped) - Number(a.tripped) || a.i - b.i)
    .slice(0, MAX_BREAKER_SERIES)
    .map((x) => x.i);
  const series = withBreaker.map((i) => ({ key: `b${i}`, label: ctx.labelOf(ctx.layout.edgeIds[i]!) }));
  const rows = history.map((f) => {
    const row: ChartRow = { t: secs(f) };
    for (const i of withBreaker) row[`b${i}`] = Math.max(0, edge(f, i, EDGE_COL.breakerState));
    return row;
  });
  return { series, rows };
}

/** Queue series for the given nodes, keeping the deepest few over the history. */
function queueChart(history: readonly Frame[], ctx: ChartContext, nodeIndices: number[]): ChartModel {
  const peaks = nodeIndices.map((i) => ({
    i,
    peak: Math.max(0, ...history.map((f) => node(f, i, NODE_COL.queueDepth))),
  }));
  const chosen = peaks
    .filter((p) => p.peak > 0 || nodeIndices.length === 1)
    .sort((a, b) => b.peak - a.peak)
    .slice(0, MAX_QUEUE_SERIES)
    .map((p) => p.i);
  const series = chosen.map((i) => ({ key: `q${i}`, label: ctx.labelOf(ctx.layout.nodeIds[i]!) }));
  const rows = history.map((f) => {
    const row: ChartRow = { t: secs(f) };
    for (const i of chosen) row[`q${i}`] = node(f, i, NODE_COL.queueDepth);
    return row;
  });
  return { series, rows };
}

/**
 * Charts of the whole system: throughput and failures at the clients, the worst client's latency
 * percentiles, the clients' error rate, the deepest queues, every breaker's state and the clients'
 * failures by cause.
 */
export function systemCharts(history: readonly Frame[], ctx: ChartContext): ChartSet {
  const ids = ctx.layout.nodeIds;
  const clients = ids.flatMap((id, i) => (ctx.clientIds.has(id) ? [i] : []));
  const queues = ids.flatMap((id, i) => (ctx.queueIds.has(id) ? [i] : []));
  const throughput: ChartRow[] = [];
  const latency: ChartRow[] = [];
  const errorRate: ChartRow[] = [];
  for (const f of history) {
    let total = 0;
    let failed = 0;
    let p50 = 0;
    let p95 = 0;
    let p99 = 0;
    for (const i of clients) {
      const rate = node(f, i, NODE_COL.throughputPerSec);
      total += rate;
      failed += rate * node(f, i, NODE_COL.errorRate);
      p50 = Math.max(p50, node(f, i, NODE_COL.p50Ms));
      p95 = Math.max(p95, node(f, i, NODE_COL.p95Ms));
      p99 = Math.max(p99, node(f, i, NODE_COL.p99Ms));
    }
    const t = secs(f);
    throughput.push({ t, ok: round(total - failed), failed: round(failed) });
    latency.push({ t, p50: round(p50), p95: round(p95), p99: round(p99) });
    errorRate.push({ t, errors: round(total > 0 ? (100 * failed) / total : 0) });
  }
  return {
    throughput: {
      series: [
        { key: 'ok', label: 'OK' },
        { key: 'failed', label: 'Failed' },
      ],
      rows: throughput,
    },
    latency: { series: percentileSeries, rows: latency },
    errorRate: { series: [{ key: 'errors', label: 'Errors' }], rows: errorRate },
    queues: queueChart(history, ctx, queues),
    breakers: breakerChart(
      history,
      ctx,
      ctx.layout.edgeIds.map((_, i) => i),
    ),
    failures: systemFailureChart(history),
  };
}

const percentileSeries: SeriesDef[] = [
  { key: 'p50', label: 'p50' },
  { key: 'p95', label: 'p95' },
  { key: 'p99', label: 'p99' },
];

const okFailedSeries: SeriesDef[] = [
  { key: 'ok', label: 'OK' },
  { key: 'failed', label: 'Failed' },
];

/**
 * The system charts before any run: each with its series and two rows of zeros, marked `idle`.
 * The charts panel draws them hidden under "No data yet" before the first run, so the first
 * frames of a run update charts that recharts has already laid out once (axes, ticks, grid,
 * lines), instead of mounting them or running that code for the first time mid-run.
 */
export function idleCharts(): ChartSet {
  const idle = (series: SeriesDef[]): ChartModel => ({
    series,
    rows: [0, 1].map((t) => Object.fromEntries([['t', t], ...series.map((s) => [s.key, 0])]) as ChartRow),
    idle: true,
  });
  return {
    throughput: idle(okFailedSeries),
    latency: idle(percentileSeries),
    errorRate: idle([{ key: 'errors', label: 'Errors' }]),
    queues: idle([{ key: 'q0', label: 'Queue' }]),
    breakers: idle([{ key: 'b0', label: 'Breaker' }]),
    failures: idle([{ key: 'timeout', label: 'timeout' }]),
  };
}

/** Answers per second split into OK and failed, from a rate and an error share (0..1) per frame. */
function okFailedChart(
  history: readonly Frame[],
  ratePerSec: (f: Frame) => number,
  errorShare: (f: Frame) => number,
): ChartModel {
  return {
    series: okFailedSeries,
    rows: history.map((f) => {
      const rate = ratePerSec(f);
      const failed = rate * errorShare(f);
      return { t: secs(f), ok: round(rate - failed), failed: round(failed) };
    }),
  };
}

/** Error share (0..1) per frame as a percentage series. */
function errorRateChart(history: readonly Frame[], errorShare: (f: Frame) => number): ChartModel {
  return {
    series: [{ key: 'errors', label: 'Errors' }],
    rows: history.map((f) => ({ t: secs(f), errors: round(100 * errorShare(f)) })),
  };
}

/** Charts of one node: its answers per second, latency percentiles, error rate, queue and failures by cause. */
export function nodeCharts(history: readonly Frame[], ctx: ChartContext, id: string): ChartSet | null {
  const i = ctx.layout.nodeIds.indexOf(id);
  if (i < 0) return null;
  const edgeIndices = ctx.layout.edgeIds.flatMap((edgeId, e) => {
    const ends = ctx.edgeEnds.get(edgeId);
    return ends && (ends.source === id || ends.target === id) ? [e] : [];
  });
  return {
    throughput: okFailedChart(
      history,
      (f) => node(f, i, NODE_COL.throughputPerSec),
      (f) => node(f, i, NODE_COL.errorRate),
    ),
    latency: {
      series: percentileSeries,
      rows: history.map((f) => ({
        t: secs(f),
        p50: round(node(f, i, NODE_COL.p50Ms)),
        p95: round(node(f, i, NODE_COL.p95Ms)),
        p99: round(node(f, i, NODE_COL.p99Ms)),
      })),
    },
    errorRate: errorRateChart(history, (f) => node(f, i, NODE_COL.errorRate)),
    queues: queueChart(history, ctx, [i]),
    breakers: breakerChart(history, ctx, edgeIndices),
    failures: nodeFailureChart(history, i),
  };
}

/** Charts of one edge: calls per second, its p99, error rate, breaker state and failed calls by cause. */
export function edgeCharts(history: readonly Frame[], ctx: ChartContext, id: string): ChartSet | null {
  const i = ctx.layout.edgeIds.indexOf(id);
  if (i < 0) return null;
  return {
    throughput: okFailedChart(
      history,
      (f) => edge(f, i, EDGE_COL.callsPerSec),
      (f) => edge(f, i, EDGE_COL.errorRate),
    ),
    latency: history.some((f) => edge(f, i, EDGE_COL.endToEndP99Ms) > 0)
      ? {
          // A subscription link: the delivery's p99 and the events' publish-to-handled p99.
          series: [
            { key: 'p99', label: 'p99' },
            { key: 'e2e', label: 'end to end p99' },
          ],
          rows: history.map((f) => ({
            t: secs(f),
            p99: round(edge(f, i, EDGE_COL.p99Ms)),
            e2e: round(edge(f, i, EDGE_COL.endToEndP99Ms)),
          })),
        }
      : {
          series: [{ key: 'p99', label: 'p99' }],
          rows: history.map((f) => ({ t: secs(f), p99: round(edge(f, i, EDGE_COL.p99Ms)) })),
        },
    errorRate: errorRateChart(history, (f) => edge(f, i, EDGE_COL.errorRate)),
    queues: empty(),
    breakers: breakerChart(history, ctx, [i]),
    failures: edgeFailureChart(history, i),
  };
}

/** Most points a chart draws per series: about two per pixel of a chart card's plot area. */
const MAX_CHART_POINTS = 120;

/**
 * Thins a chart to at most `maxPoints` rows, keeping in each time bucket the rows with the lowest
 * and the highest total of its series (in time order), so spikes, dips and breaker openings stay
 * visible while recharts draws fewer points. The newest row is always kept.
 */
export function downsample(model: ChartModel, maxPoints = MAX_CHART_POINTS): ChartModel {
  const rows = model.rows;
  if (rows.length <= maxPoints) return model;
  const keys = model.series.map((s) => s.key);
  const total = (row: ChartRow) => {
    let sum = 0;
    for (const k of keys) sum += row[k] ?? 0;
    return sum;
  };
  const buckets = Math.max(1, Math.floor((maxPoints - 1) / 2));
  const size = (rows.length - 1) / buckets;
  const out: ChartRow[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(rows.length - 1, Math.floor((b + 1) * size));
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      const v = total(rows[i]!);
      if (v < total(rows[lo]!)) lo = i;
      if (v > total(rows[hi]!)) hi = i;
    }
    if (lo === hi) out.push(rows[lo]!);
    else out.push(rows[Math.min(lo, hi)]!, rows[Math.max(lo, hi)]!);
  }
  out.push(rows.at(-1)!);
  return { series: model.series, rows: out };
}
