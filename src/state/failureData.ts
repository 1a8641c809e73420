import {
  CAUSE_INFO,
  type CauseName,
  FAILURE_CAUSES,
  FAILURE_COL,
  FAILURE_STRIDE,
  type Frame,
  type RunLayout,
} from '../worker/protocol';
import type { ChartModel } from './chartModel';

/** Most causes a failures chart stacks one by one; the rest are summed as "other". */
export const MAX_CAUSE_SERIES = 6;

/** The row key of the causes summed as "other". */
const OTHER = 'other';

const secs = (f: Frame) => Math.round(f.nowMs) / 1000;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Per frame, failures per second by cause code (index: code). */
type CauseRates = (f: Frame, previous: Frame | undefined) => Float64Array;

/**
 * A stacked chart of failures per second by cause: the causes with the most failures over the
 * history each get a series (most first), the rest one "other" series.
 */
function causeChart(history: readonly Frame[], ratesOf: CauseRates): ChartModel {
  const perFrame = history.map((f, i) => ratesOf(f, history[i - 1]));
  // Causes rank by their failures over the history (rate x time), as the inspector counts them.
  const dtSec = history.map((f, i) => (i === 0 ? 1 : (f.nowMs - history[i - 1]!.nowMs) / 1000));
  const totals = FAILURE_CAUSES.map((_, k) => perFrame.reduce((sum, r, i) => sum + r[k + 1]! * dtSec[i]!, 0));
  const ranked = FAILURE_CAUSES.map((name, k) => ({ name, code: k + 1, total: totals[k]! }))
    .filter((c) => c.total > 0)
    .sort((a, b) => b.total - a.total || a.code - b.code);
  const shown = ranked.slice(0, ranked.length > MAX_CAUSE_SERIES ? MAX_CAUSE_SERIES - 1 : MAX_CAUSE_SERIES);
  const rest = ranked.slice(shown.length);
  const series: ChartModel['series'] = shown.map((c) => ({ key: c.name, label: CAUSE_INFO[c.name].label }));
  if (rest.length > 0) series.push({ key: OTHER, label: `other (${rest.length})` });
  const rows = history.map((f, i) => {
    const r = perFrame[i]!;
    const row: ChartModel['rows'][number] = { t: secs(f) };
    for (const c of shown) row[c.name] = round2(r[c.code]!);
    if (rest.length > 0) row[OTHER] = round2(rest.reduce((sum, c) => sum + r[c.code]!, 0));
    return row;
  });
  return { series, rows };
}

/** A node's or edge's failures so far by cause code, read from a frame's sparse entries. */
function countsAt(entries: Uint32Array, index: number): Float64Array {
  const out = new Float64Array(FAILURE_CAUSES.length + 1);
  for (let o = 0; o < entries.length; o += FAILURE_STRIDE) {
    if (entries[o + FAILURE_COL.index] === index)
      out[entries[o + FAILURE_COL.cause]!] = entries[o + FAILURE_COL.count]!;
  }
  return out;
}

/** Failures per second by cause between consecutive frames, from the running totals of one node or edge. */
function deltaRates(entriesOf: (f: Frame) => Uint32Array, index: number): CauseRates {
  return (f, previous) => {
    const now = countsAt(entriesOf(f), index);
    if (!previous) return perSecond(now, undefined, 0);
    return perSecond(now, countsAt(entriesOf(previous), index), (f.nowMs - previous.nowMs) / 1000);
  };
}

/** The rates by cause between running totals `before` and `now`, `dtSec` apart (zeros without a previous frame). */
function perSecond(
  now: ArrayLike<number>,
  before: ArrayLike<number> | undefined,
  dtSec: number,
): Float64Array {
  const out = new Float64Array(now.length);
  if (before === undefined || dtSec <= 0) return out;
  for (let c = 0; c < now.length; c++) out[c] = Math.max(0, now[c]! - before[c]!) / dtSec;
  return out;
}

/**
 * The whole system's failures per second by cause, from the clients' running totals: like a node's,
 * so a spike between two sparse frames (a fast run) is counted, not skipped.
 */
export function systemFailureChart(history: readonly Frame[]): ChartModel {
  return causeChart(history, (f, previous) =>
    perSecond(f.failuresSoFar, previous?.failuresSoFar, previous ? (f.nowMs - previous.nowMs) / 1000 : 0),
  );
}

/** One node's failures per second by cause (the failures it answered). */
export function nodeFailureChart(history: readonly Frame[], index: number): ChartModel {
  return causeChart(
    history,
    deltaRates((f) => f.nodeFailures, index),
  );
}

/** One edge's failed calls per second by cause. */
export function edgeFailureChart(history: readonly Frame[], index: number): ChartModel {
  return causeChart(
    history,
    deltaRates((f) => f.edgeFailures, index),
  );
}

/** One cause of a node's or edge's failures so far, for the inspector. */
export interface CauseCount {
  cause: CauseName;
  label: string;
  count: number;
}

/**
 * The failures so far of node or edge `id` in `frame`, by cause, most first (empty when it had
 * none, or the run does not know it).
 */
export function failuresOf(
  frame: Frame | null,
  layout: RunLayout | null,
  scope: 'node' | 'edge',
  id: string,
): CauseCount[] {
  if (!frame || !layout) return [];
  const index = (scope === 'node' ? layout.nodeIds : layout.edgeIds).indexOf(id);
  if (index < 0) return [];
  const counts = countsAt(scope === 'node' ? frame.nodeFailures : frame.edgeFailures, index);
  const out: CauseCount[] = [];
  FAILURE_CAUSES.forEach((cause, k) => {
    const count = counts[k + 1]!;
    if (count > 0) out.push({ cause, label: CAUSE_INFO[cause].label, count });
  });
  return out.sort((a, b) => b.count - a.count);
}
