import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDocument, exponential } from '../run/run.testkit';
import {
  columnsOf,
  EDGE_FRAME_FIELDS,
  EDGE_SERIES_FIELDS,
  FAILURE_ENTRY_FIELDS,
  NODE_FRAME_FIELDS,
  NODE_SERIES_FIELDS,
} from './columns';

// A saturated service with failures, a killed instance and a breaker, so that every number of a
// frame differs from its neighbours and a number under the wrong name would show.
const doc = buildDocument({
  nodes: [
    { id: 'web', kind: 'client', config: { workload: { kind: 'open', ratePerSec: 190 } } },
    {
      id: 'api',
      kind: 'service',
      config: { instances: 3, concurrency: 2, serviceTimeMs: exponential(20), errorRate: 0.2 },
    },
  ],
  edges: [
    {
      source: 'web',
      target: 'api',
      config: {
        retry: { maxRetries: 1 },
        breaker: { minimumNumberOfCalls: 1000, slidingWindowSize: 1000 },
      },
    },
  ],
  scenario: { durationSec: 10, faults: [{ kind: 'killInstance', atSec: 1, nodeId: 'api', instance: 0 }] },
});

const last = (values: number[] | undefined): number => values?.at(-1) ?? Number.NaN;

/** Loads the run and the column maps afresh (so a mock of columns.ts applies) and checks a frame by name. */
async function expectFrameReadByName(): Promise<{ nodeStride: number; firstNodeColumn: string }> {
  const { createRun } = await import('../run/createRun');
  const { breakerNumber } = await import('./breakerState');
  const cols = await import('./columns');
  const run = createRun(doc);
  run.advance(6000);
  const frame = run.snapshot();
  const summary = run.summary();
  const layout = run.layout();
  const node = (id: string, field: keyof typeof cols.NODE_COL) =>
    frame.nodeStats[layout.nodeIds.indexOf(id) * cols.NODE_STRIDE + cols.NODE_COL[field]];
  const edge = (id: string, field: keyof typeof cols.EDGE_COL) =>
    frame.edgeStats[layout.edgeIds.indexOf(id) * cols.EDGE_STRIDE + cols.EDGE_COL[field]];

  const api = summary.nodes.api!;
  const apiSeries = run.series('api')!.values;
  expect(node('api', 'completed')).toBe(api.completed);
  expect(node('api', 'failed')).toBe(api.failed);
  expect(node('api', 'instances')).toBe(3);
  expect(node('api', 'healthyInstances')).toBe(api.healthyInstances);
  expect(node('api', 'inFlight')).toBe(api.inFlight);
  expect(node('api', 'queueDepth')).toBe(api.queueDepth);
  expect(node('api', 'throughputPerSec')).toBe(last(apiSeries.throughput));
  expect(node('api', 'errorRate')).toBe(last(apiSeries.errors) / last(apiSeries.throughput));
  expect(node('api', 'p50Ms')).toBe(last(apiSeries.p50Ms));
  expect(node('api', 'p95Ms')).toBe(last(apiSeries.p95Ms));
  expect(node('api', 'p99Ms')).toBe(last(apiSeries.p99Ms));
  expect(node('api', 'utilization')).toBe(last(apiSeries.utilization));
  // The series hold what their names say: quantiles in order, errors among responses, a load share.
  expect(last(apiSeries.p50Ms)).toBeGreaterThan(0);
  expect(last(apiSeries.p50Ms)).toBeLessThan(last(apiSeries.p95Ms));
  expect(last(apiSeries.p95Ms)).toBeLessThan(last(apiSeries.p99Ms));
  expect(last(apiSeries.errors)).toBeGreaterThan(0);
  expect(last(apiSeries.errors)).toBeLessThan(last(apiSeries.throughput));
  expect(last(apiSeries.utilization)).toBeGreaterThan(0.5);
  expect(last(apiSeries.utilization)).toBeLessThanOrEqual(1);
  expect(last(apiSeries.inFlight)).toBeGreaterThan(last(apiSeries.queueDepth));
  // The numbers differ, so none of them could stand in for another.
  const apiRow = Object.keys(cols.NODE_COL).map((f) => node('api', f as keyof typeof cols.NODE_COL));
  expect(new Set(apiRow).size).toBe(apiRow.length);

  const call = summary.edges['web-api']!;
  const callSeries = run.series('web-api')!.values;
  expect(edge('web-api', 'calls')).toBe(call.calls);
  expect(edge('web-api', 'failed')).toBe(call.failed);
  expect(edge('web-api', 'retries')).toBe(call.retries);
  expect(edge('web-api', 'callsPerSec')).toBe(last(callSeries.calls));
  expect(edge('web-api', 'errorRate')).toBe(last(callSeries.failed) / last(callSeries.calls));
  expect(edge('web-api', 'p99Ms')).toBe(last(callSeries.p99Ms));
  expect(edge('web-api', 'breakerState')).toBe(breakerNumber(call.breaker!.state));
  expect(last(callSeries.failed)).toBeGreaterThan(0);
  expect(last(callSeries.failed)).toBeLessThan(last(callSeries.calls));
  expect(last(callSeries.retries)).toBeGreaterThan(0);
  expect(last(callSeries.p99Ms)).toBeGreaterThan(last(apiSeries.p50Ms));

  // Failures by cause: the sparse entries read by name give the summary's byNode and byEdge.
  const { FAILURE_CAUSES } = await import('../metrics/failureCause');
  const byId = (entries: Uint32Array, ids: readonly string[]) => {
    const out: Record<string, Record<string, number>> = {};
    for (let o = 0; o < entries.length; o += cols.FAILURE_STRIDE) {
      const id = ids[entries[o + cols.FAILURE_COL.index]!]!;
      const cause = FAILURE_CAUSES[entries[o + cols.FAILURE_COL.cause]! - 1]!;
      out[id] = { ...out[id], [cause]: entries[o + cols.FAILURE_COL.count]! };
    }
    return out;
  };
  const plain = (m: Record<string, object>) =>
    Object.fromEntries(Object.entries(m).map(([id, counts]) => [id, { ...counts }]));
  expect(Object.keys(summary.failures.byNode.api!).length).toBeGreaterThan(1);
  expect(byId(frame.nodeFailures, layout.nodeIds)).toEqual(plain(summary.failures.byNode));
  expect(byId(frame.edgeFailures, layout.edgeIds)).toEqual(plain(summary.failures.byEdge));
  // The system's failures so far, by code, are the summary's byCause.
  expect(frame.failuresSoFar[0]).toBe(0);
  expect(Array.from(frame.failuresSoFar.subarray(1))).toEqual(
    FAILURE_CAUSES.map((c) => summary.failures.byCause[c]),
  );
  expect(summary.requests.failed).toBeGreaterThan(0);
  return { nodeStride: cols.NODE_STRIDE, firstNodeColumn: cols.NODE_FRAME_FIELDS[0] };
}

describe('frame and series columns', () => {
  afterEach(() => {
    vi.doUnmock('./columns');
    vi.resetModules();
  });

  it('writes every frame number under its own name', async () => {
    await expectFrameReadByName();
  });

  it('still writes every number under its own name when every field list is reversed', async () => {
    vi.resetModules();
    vi.doMock('./columns', () => {
      const reversed = <T>(list: readonly T[]) => [...list].reverse();
      const nodeSeries = reversed(NODE_SERIES_FIELDS);
      const edgeSeries = reversed(EDGE_SERIES_FIELDS);
      const nodeFrame = reversed(NODE_FRAME_FIELDS);
      const edgeFrame = reversed(EDGE_FRAME_FIELDS);
      const failureEntry = reversed(FAILURE_ENTRY_FIELDS);
      return {
        columnsOf,
        NODE_SERIES_FIELDS: nodeSeries,
        EDGE_SERIES_FIELDS: edgeSeries,
        NODE_SERIES: columnsOf(nodeSeries),
        EDGE_SERIES: columnsOf(edgeSeries),
        NODE_FRAME_FIELDS: nodeFrame,
        EDGE_FRAME_FIELDS: edgeFrame,
        NODE_COL: columnsOf(nodeFrame),
        EDGE_COL: columnsOf(edgeFrame),
        NODE_STRIDE: nodeFrame.length,
        EDGE_STRIDE: edgeFrame.length,
        FAILURE_ENTRY_FIELDS: failureEntry,
        FAILURE_COL: columnsOf(failureEntry),
        FAILURE_STRIDE: failureEntry.length,
      };
    });
    const { nodeStride, firstNodeColumn } = await expectFrameReadByName();
    expect(firstNodeColumn).toBe('p95Ms');
    expect(nodeStride).toBe(12);
  });
});
