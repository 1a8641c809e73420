import { describe, expect, it } from 'vitest';
import {
  EDGE_COL,
  EDGE_STRIDE,
  FAILURE_CAUSES,
  type Frame,
  NODE_COL,
  NODE_STRIDE,
  type RunLayout,
} from '../worker/protocol';
import {
  type ChartContext,
  downsample,
  edgeCharts,
  idleCharts,
  MAX_BREAKER_SERIES,
  nodeCharts,
  systemCharts,
} from './chartData';

const layout: RunLayout = {
  runId: 1,
  nodeIds: ['web', 'api', 'bus'],
  edgeIds: ['web-api', 'api-bus'],
  durationMs: 60_000,
  seed: 1,
};

function frame(
  nowMs: number,
  web: { rate: number; err: number; p99: number },
  breaker: number,
  busQueue: number,
): Frame {
  const nodeStats = new Float64Array(layout.nodeIds.length * NODE_STRIDE);
  nodeStats[NODE_COL.throughputPerSec] = web.rate;
  nodeStats[NODE_COL.errorRate] = web.err;
  nodeStats[NODE_COL.p99Ms] = web.p99;
  nodeStats[2 * NODE_STRIDE + NODE_COL.queueDepth] = busQueue;
  const edgeStats = new Float64Array(layout.edgeIds.length * EDGE_STRIDE);
  edgeStats[EDGE_COL.breakerState] = breaker;
  edgeStats[EDGE_STRIDE + EDGE_COL.breakerState] = -1;
  return {
    runId: 1,
    seq: nowMs,
    status: 'running',
    nowMs,
    events: 0,
    eventsPerSec: 0,
    totals: { total: 0, ok: 0, failed: 0, inFlight: 0 },
    nodeStats,
    edgeStats,
    failuresSoFar: new Float64Array(FAILURE_CAUSES.length + 1),
    nodeFailures: new Uint32Array(0),
    edgeFailures: new Uint32Array(0),
    log: [],
    warning: null,
    stopped: null,
    slos: [],
  };
}

const ctx: ChartContext = {
  layout,
  clientIds: new Set(['web']),
  queueIds: new Set(['api', 'bus']),
  edgeEnds: new Map([
    ['web-api', { source: 'web', target: 'api' }],
    ['api-bus', { source: 'api', target: 'bus' }],
  ]),
  labelOf: (id) => id.toUpperCase(),
};

describe('chart data', () => {
  const history = [
    frame(1000, { rate: 100, err: 0.1, p99: 50 }, 0, 0),
    frame(2000, { rate: 200, err: 0.5, p99: 80 }, 2, 7),
  ];

  it('splits client throughput into ok and failed and reports the error rate in percent', () => {
    const charts = systemCharts(history, ctx);
    expect(charts.throughput.rows).toEqual([
      { t: 1, ok: 90, failed: 10 },
      { t: 2, ok: 100, failed: 100 },
    ]);
    expect(charts.errorRate.rows.map((r) => r.errors)).toEqual([10, 50]);
    expect(charts.latency.rows[1]).toMatchObject({ p99: 80 });
  });

  it('charts only queues that ever held items, and only edges that have a breaker', () => {
    const charts = systemCharts(history, ctx);
    expect(charts.queues.series).toEqual([{ key: 'q2', label: 'BUS' }]);
    expect(charts.queues.rows.map((r) => r.q2)).toEqual([0, 7]);
    expect(charts.breakers.series).toEqual([{ key: 'b0', label: 'WEB-API' }]);
    expect(charts.breakers.rows.map((r) => r.b0)).toEqual([0, 2]);
  });

  it('a node scope charts that node and the breakers on its edges; unknown ids give null', () => {
    expect(nodeCharts(history, ctx, 'api')!.breakers.series.map((s) => s.key)).toEqual(['b0']);
    expect(nodeCharts(history, ctx, 'bus')!.breakers.series).toEqual([]);
    expect(edgeCharts(history, ctx, 'web-api')!.breakers.rows.at(-1)).toMatchObject({ b0: 2 });
    expect(nodeCharts(history, ctx, 'ghost')).toBeNull();
  });

  it(`draws at most ${MAX_BREAKER_SERIES} breakers, those that tripped first`, () => {
    const many: RunLayout = { ...layout, edgeIds: Array.from({ length: 10 }, (_, i) => `e${i}`) };
    const f = (tripped: number): Frame => {
      const edgeStats = new Float64Array(10 * EDGE_STRIDE);
      edgeStats[tripped * EDGE_STRIDE + EDGE_COL.breakerState] = 2;
      return { ...frame(1000, { rate: 0, err: 0, p99: 0 }, 0, 0), edgeStats };
    };
    const charts = systemCharts([f(9)], { ...ctx, layout: many });
    expect(charts.breakers.series).toHaveLength(MAX_BREAKER_SERIES);
    expect(charts.breakers.series[0]!.key).toBe('b9');
  });
});

describe('chart downsampling', () => {
  const model = (values: number[]) => ({
    series: [{ key: 'v', label: 'v' }],
    rows: values.map((v, i) => ({ t: i, v })),
  });

  it('leaves a chart within the limit untouched', () => {
    const small = model([1, 2, 3]);
    expect(downsample(small, 10)).toBe(small);
  });

  it('keeps at most the limit, in time order, ending with the newest row', () => {
    const values = Array.from({ length: 300 }, (_, i) => Math.sin(i / 7) * 10);
    const thin = downsample(model(values), 60);
    expect(thin.rows.length).toBeLessThanOrEqual(60);
    expect(thin.rows.at(-1)!.t).toBe(299);
    for (let i = 1; i < thin.rows.length; i++) expect(thin.rows[i]!.t).toBeGreaterThan(thin.rows[i - 1]!.t);
  });

  it('keeps a one-frame spike and a one-frame dip', () => {
    const values = Array.from({ length: 300 }, () => 5);
    values[101] = 90;
    values[202] = 0;
    const thin = downsample(model(values), 40);
    expect(thin.rows.some((r) => r.v === 90)).toBe(true);
    expect(thin.rows.some((r) => r.v === 0)).toBe(true);
  });
});

describe('idleCharts', () => {
  it('gives every chart a series and two rows of zeros, marked idle so nothing shows them as data', () => {
    const charts = idleCharts();
    for (const model of Object.values(charts)) {
      expect(model.idle).toBe(true);
      expect(model.series.length).toBeGreaterThan(0);
      expect(model.rows).toHaveLength(2);
      for (const row of model.rows) for (const s of model.series) expect(row[s.key]).toBe(0);
    }
    expect(charts.latency.series.map((s) => s.key)).toEqual(['p50', 'p95', 'p99']);
  });
});
