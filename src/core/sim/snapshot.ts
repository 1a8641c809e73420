import type { EventLogEntry } from '../metrics/eventLog';
import type { World } from './world';

/** Numbers per node in {@link RunFrame.nodeStats}, in this order (the last closed second for rates). */
export const NODE_FRAME_FIELDS = [
  'throughputPerSec',
  'p50Ms',
  'p99Ms',
  'errorRate',
  'queueDepth',
  'inFlight',
  'healthyInstances',
  'instances',
  'utilization',
  'completed',
  'failed',
  'p95Ms',
] as const;

/** Numbers per edge in {@link RunFrame.edgeStats}, in this order. */
export const EDGE_FRAME_FIELDS = [
  'callsPerSec',
  'errorRate',
  'p99Ms',
  'breakerState',
  'calls',
  'failed',
  'retries',
] as const;

/** A compact live view of a run: numbers in fixed strides, in layout order, plus new log entries. */
export interface RunFrame {
  nowMs: number;
  events: number;
  totals: { total: number; ok: number; failed: number; inFlight: number };
  nodeStats: Float64Array;
  edgeStats: Float64Array;
  log: EventLogEntry[];
}

const MAX_LOG_PER_FRAME = 200;

/**
 * Builds a frame in O(nodes + edges): per-second figures come from the newest series point, so no
 * sketch is queried. `afterSeq` is the last log entry the reader has.
 */
export function buildFrame(world: World, events: number, afterSeq: number): RunFrame {
  const nodeStride = NODE_FRAME_FIELDS.length;
  const edgeStride = EDGE_FRAME_FIELDS.length;
  const nodeStats = new Float64Array(world.nodes.length * nodeStride);
  const edgeStats = new Float64Array(world.links.length * edgeStride);
  const totals = { total: 0, ok: 0, failed: 0, inFlight: 0 };
  const now = world.sim.now;
  world.nodes.forEach((node, i) => {
    const s = node.stats;
    const series = s.series;
    const responses = series.latest(0);
    const o = i * nodeStride;
    const inFlight = node.inFlight();
    nodeStats[o] = responses;
    nodeStats[o + 1] = series.latest(2);
    nodeStats[o + 2] = series.latest(3);
    nodeStats[o + 3] = responses > 0 ? series.latest(1) / responses : 0;
    nodeStats[o + 4] = node.queueDepth();
    nodeStats[o + 5] = inFlight;
    nodeStats[o + 6] = node.healthyInstances();
    nodeStats[o + 7] = node.instances.count;
    nodeStats[o + 8] = series.latest(6);
    nodeStats[o + 9] = s.completed;
    nodeStats[o + 10] = s.failed;
    nodeStats[o + 11] = series.latest(7);
    if (node.kind === 'client') {
      totals.total += s.arrived;
      totals.ok += s.completed;
      totals.failed += s.failed;
      totals.inFlight += inFlight;
    }
  });
  world.links.forEach((link, i) => {
    const s = link.stats;
    const series = s.series;
    const calls = series.latest(0);
    const o = i * edgeStride;
    edgeStats[o] = calls;
    edgeStats[o + 1] = calls > 0 ? series.latest(1) / calls : 0;
    edgeStats[o + 2] = series.latest(4);
    edgeStats[o + 3] = link.policy.breakerState(now);
    edgeStats[o + 4] = s.calls;
    edgeStats[o + 5] = s.failed;
    edgeStats[o + 6] = s.retries;
  });
  return {
    nowMs: now,
    events,
    totals,
    nodeStats,
    edgeStats,
    log: world.log.since(afterSeq, MAX_LOG_PER_FRAME),
  };
}
