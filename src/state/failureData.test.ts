import { describe, expect, it } from 'vitest';
import { CAUSE, FAILURE_CAUSES, FAILURE_STRIDE, type Frame, type RunLayout } from '../worker/protocol';
import {
  edgeFailureChart,
  failuresOf,
  MAX_CAUSE_SERIES,
  nodeFailureChart,
  systemFailureChart,
} from './failureData';

const layout: RunLayout = {
  runId: 1,
  nodeIds: ['web', 'api'],
  edgeIds: ['web-api'],
  durationMs: 60_000,
  seed: 1,
};

type Counts = Partial<Record<keyof typeof CAUSE, number>>;

/** Sparse (index, cause, count) entries, in the frame's column order. */
function entries(byIndex: Counts[]): Uint32Array {
  const flat: number[] = [];
  byIndex.forEach((counts, index) => {
    for (const [name, count] of Object.entries(counts))
      flat.push(index, CAUSE[name as keyof typeof CAUSE], count);
  });
  expect(flat.length % FAILURE_STRIDE).toBe(0);
  return new Uint32Array(flat);
}

function frame(nowMs: number, soFar: Counts, nodes: Counts[] = [], edges: Counts[] = []): Frame {
  const failuresSoFar = new Float64Array(FAILURE_CAUSES.length + 1);
  for (const [name, n] of Object.entries(soFar)) failuresSoFar[CAUSE[name as keyof typeof CAUSE]] = n;
  return {
    runId: 1,
    seq: nowMs,
    status: 'running',
    nowMs,
    events: 0,
    eventsPerSec: 0,
    totals: { total: 0, ok: 0, failed: 0, inFlight: 0 },
    nodeStats: new Float64Array(0),
    edgeStats: new Float64Array(0),
    failuresSoFar,
    nodeFailures: entries(nodes),
    edgeFailures: entries(edges),
    log: [],
    slos: [],
    warning: null,
    stopped: null,
  };
}

describe('failures by cause, charted', () => {
  it("stacks the system's failures per second by cause from its running totals, the most frequent cause first", () => {
    const chart = systemFailureChart([
      frame(1000, {}),
      frame(2000, { timeout: 2, queueFull: 5 }),
      // Frames two seconds apart (a fast run): every failure between them is counted.
      frame(4000, { timeout: 10, queueFull: 15, noRoute: 2 }),
    ]);
    expect(chart.series).toEqual([
      { key: 'queueFull', label: 'queue full' },
      { key: 'timeout', label: 'timeout' },
      { key: 'noRoute', label: 'no route' },
    ]);
    expect(chart.rows).toEqual([
      { t: 1, queueFull: 0, timeout: 0, noRoute: 0 },
      { t: 2, queueFull: 5, timeout: 2, noRoute: 0 },
      { t: 4, queueFull: 5, timeout: 4, noRoute: 1 },
    ]);
  });

  it(`sums the causes beyond the ${MAX_CAUSE_SERIES - 1} most frequent as "other"`, () => {
    const many: Counts = {
      noRoute: 7,
      unauthorized: 6,
      forbidden: 5,
      rateLimited: 4,
      queueFull: 3,
      timeout: 2,
      partitioned: 1,
    };
    const chart = systemFailureChart([frame(0, {}), frame(1000, many)]);
    expect(chart.series).toHaveLength(MAX_CAUSE_SERIES);
    expect(chart.series.at(-1)).toEqual({ key: 'other', label: 'other (2)' });
    expect(chart.rows[1]!.other).toBe(2 + 1);
  });

  it("charts a node's or an edge's failures per second from the running totals of consecutive frames", () => {
    const history = [
      frame(1000, {}, [{}, { timeout: 10 }], [{ timeout: 4 }]),
      frame(1500, {}, [{}, { timeout: 15, queueFull: 2 }], [{ timeout: 6 }]),
    ];
    const api = nodeFailureChart(history, 1);
    expect(api.series.map((s) => s.key)).toEqual(['timeout', 'queueFull']);
    // 5 more timeouts and 2 queue-full answers in half a second.
    expect(api.rows[1]).toEqual({ t: 1.5, timeout: 10, queueFull: 4 });
    expect(nodeFailureChart(history, 0).series).toEqual([]);
    expect(edgeFailureChart(history, 0).rows[1]).toEqual({ t: 1.5, timeout: 4 });
  });

  it('lists a node or edge failures so far by cause, most first, for the inspector', () => {
    const f = frame(1000, {}, [{ noRoute: 1 }, { timeout: 3, breakerOpen: 9 }], [{ timeout: 2 }]);
    expect(failuresOf(f, layout, 'node', 'api')).toEqual([
      { cause: 'breakerOpen', label: 'breaker open', count: 9 },
      { cause: 'timeout', label: 'timeout', count: 3 },
    ]);
    expect(failuresOf(f, layout, 'edge', 'web-api')).toEqual([
      { cause: 'timeout', label: 'timeout', count: 2 },
    ]);
    expect(failuresOf(f, layout, 'node', 'nobody')).toEqual([]);
    expect(failuresOf(null, layout, 'node', 'api')).toEqual([]);
  });
});
