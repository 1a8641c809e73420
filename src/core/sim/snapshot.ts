import type { EventLogEntry } from '../metrics/eventLog';
import { CAUSE_COUNT } from '../metrics/failureCause';
import {
  EDGE_COL,
  EDGE_SERIES,
  EDGE_STRIDE,
  FAILURE_COL,
  FAILURE_STRIDE,
  NODE_COL,
  NODE_SERIES,
  NODE_STRIDE,
} from './columns';
import type { World } from './world';

/**
 * A compact live view of a run: numbers in fixed strides (columns.ts names each column), in
 * layout order, plus new log entries.
 */
export interface RunFrame {
  nowMs: number;
  events: number;
  totals: { total: number; ok: number; failed: number; inFlight: number };
  nodeStats: Float64Array;
  edgeStats: Float64Array;
  /** The clients' (the system's) failures so far, by cause code (`[CAUSE.timeout]`). */
  failuresSoFar: Float64Array;
  /**
   * Each node's failures so far by cause, non-zero entries only (FAILURE_COL names the columns):
   * whole numbers, so 4 bytes each.
   */
  nodeFailures: Uint32Array;
  /** Each edge's failed calls so far by cause, non-zero entries only. */
  edgeFailures: Uint32Array;
  log: EventLogEntry[];
}

/** The non-zero counts of every counter array, as (index, cause, count) entries in index then cause order. */
function failureEntries(counters: readonly Float64Array[]): Uint32Array {
  let entries = 0;
  for (const counts of counters) for (let c = 0; c < CAUSE_COUNT; c++) if (counts[c]! > 0) entries++;
  const out = new Uint32Array(entries * FAILURE_STRIDE);
  let o = 0;
  counters.forEach((counts, index) => {
    for (let c = 0; c < CAUSE_COUNT; c++) {
      const n = counts[c]!;
      if (n === 0) continue;
      out[o + FAILURE_COL.index] = index;
      out[o + FAILURE_COL.cause] = c;
      out[o + FAILURE_COL.count] = n;
      o += FAILURE_STRIDE;
    }
  });
  return out;
}

/** Log entries one live frame carries at most; a burst beyond it arrives over the next frames. */
export const MAX_LOG_PER_FRAME = 200;

/**
 * Builds a frame in O(nodes + edges): per-second figures come from the newest series point, so no
 * sketch is queried. `afterSeq` is the last log entry the reader has.
 */
export function buildFrame(
  world: World,
  events: number,
  afterSeq: number,
  logLimit = MAX_LOG_PER_FRAME,
): RunFrame {
  const nodeStats = new Float64Array(world.nodes.length * NODE_STRIDE);
  const edgeStats = new Float64Array(world.links.length * EDGE_STRIDE);
  const totals = { total: 0, ok: 0, failed: 0, inFlight: 0 };
  const failuresSoFar = new Float64Array(CAUSE_COUNT);
  const now = world.sim.now;
  world.nodes.forEach((node, i) => {
    const s = node.stats;
    const series = s.series;
    const responses = series.latest(NODE_SERIES.throughput);
    const o = i * NODE_STRIDE;
    const inFlight = node.inFlight();
    nodeStats[o + NODE_COL.throughputPerSec] = responses;
    nodeStats[o + NODE_COL.p50Ms] = series.latest(NODE_SERIES.p50Ms);
    nodeStats[o + NODE_COL.p99Ms] = series.latest(NODE_SERIES.p99Ms);
    nodeStats[o + NODE_COL.errorRate] = responses > 0 ? series.latest(NODE_SERIES.errors) / responses : 0;
    nodeStats[o + NODE_COL.queueDepth] = node.queueDepth();
    nodeStats[o + NODE_COL.inFlight] = inFlight;
    nodeStats[o + NODE_COL.healthyInstances] = node.healthyInstances();
    nodeStats[o + NODE_COL.instances] = node.instances.count;
    nodeStats[o + NODE_COL.utilization] = series.latest(NODE_SERIES.utilization);
    nodeStats[o + NODE_COL.completed] = s.completed;
    nodeStats[o + NODE_COL.failed] = s.failed;
    nodeStats[o + NODE_COL.p95Ms] = series.latest(NODE_SERIES.p95Ms);
    if (node.kind === 'client') {
      totals.total += s.arrived;
      totals.ok += s.completed;
      totals.failed += s.failed;
      totals.inFlight += inFlight;
      const counts = s.failedByCause;
      for (let c = 0; c < CAUSE_COUNT; c++) failuresSoFar[c]! += counts[c]!;
    }
  });
  world.links.forEach((link, i) => {
    const s = link.stats;
    const series = s.series;
    const calls = series.latest(EDGE_SERIES.calls);
    const o = i * EDGE_STRIDE;
    edgeStats[o + EDGE_COL.callsPerSec] = calls;
    edgeStats[o + EDGE_COL.errorRate] = calls > 0 ? series.latest(EDGE_SERIES.failed) / calls : 0;
    edgeStats[o + EDGE_COL.p99Ms] = series.latest(EDGE_SERIES.p99Ms);
    edgeStats[o + EDGE_COL.breakerState] = link.policy.breakerState(now);
    edgeStats[o + EDGE_COL.calls] = s.calls;
    edgeStats[o + EDGE_COL.failed] = s.failed;
    edgeStats[o + EDGE_COL.retries] = s.retries;
    edgeStats[o + EDGE_COL.endToEndP99Ms] = series.latest(EDGE_SERIES.endToEndP99Ms);
  });
  return {
    nowMs: now,
    events,
    totals,
    nodeStats,
    edgeStats,
    failuresSoFar,
    nodeFailures: failureEntries(world.nodes.map((n) => n.stats.failedByCause)),
    edgeFailures: failureEntries(world.links.map((l) => l.stats.failedByCause)),
    log: world.log.after(afterSeq, logLimit),
  };
}
