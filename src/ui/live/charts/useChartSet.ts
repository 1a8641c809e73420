import { useMemo } from 'react';
import {
  type ChartContext,
  type ChartSet,
  downsample,
  edgeCharts,
  idleCharts,
  nodeCharts,
  systemCharts,
} from '../../../state/chartData';
import { useLiveSelector } from '../../../state/liveSelectors';
import type { LiveState } from '../../../state/liveStore';
import { useLoadedDocument } from '../../../state/simSession';
import type { Frame } from '../../../worker/protocol';
import { uiKinds } from '../../kinds';
import { useThrottledLive } from '../useThrottledLive';
import { averageRound, intervalForRound } from './chartBudget';
import { takeStaggeredMs } from './useStaggered';

// What a redraw of the charts cost lately, and the interval that keeps them on their budget.
let roundMs = 0;
let intervalMs = intervalForRound(0);

/** The interval the charts redraw at now. */
export const chartInterval = (): number => intervalMs;

/**
 * Called once per redraw, when the next is scheduled: the time the charts' updates took since the
 * previous call is what one redraw costs, and sets the interval (see intervalForRound).
 */
function nextChartInterval(): number {
  roundMs = averageRound(roundMs, takeStaggeredMs());
  intervalMs = intervalForRound(roundMs);
  return intervalMs;
}

const IDLE_CHARTS = idleCharts();
const selectHistory = (s: LiveState) => s.history;
const isEmpty = (h: Frame[]) => h.length === 0;

/**
 * The six chart models of the current run for a scope (`system`, `node:<id>`, `edge:<id>`), at
 * the chart interval; before the first run, the empty system charts (see idleCharts) and no context.
 */
export function useChartSet(scope: string): { ctx: ChartContext | null; charts: ChartSet; frames: number } {
  const history = useThrottledLive(selectHistory, nextChartInterval, isEmpty);
  const layout = useLiveSelector(
    (s) => s.layout,
    (a, b) => a === b,
  );
  const doc = useLoadedDocument();

  const ctx = useMemo<ChartContext | null>(() => {
    if (!layout || !doc) return null;
    const labels = new Map<string, string>(doc.nodes.map((n) => [n.id, n.label]));
    const edgeEnds = new Map(doc.edges.map((e) => [e.id, { source: e.source, target: e.target }]));
    for (const e of doc.edges)
      labels.set(e.id, `${labels.get(e.source) ?? e.source} → ${labels.get(e.target) ?? e.target}`);
    return {
      layout,
      clientIds: new Set(doc.nodes.filter((n) => n.kind === 'client').map((n) => n.id)),
      queueIds: new Set(doc.nodes.filter((n) => uiKinds[n.kind].live.chartsBacklog).map((n) => n.id)),
      edgeEnds,
      labelOf: (id) => labels.get(id) ?? id,
    };
  }, [layout, doc]);

  const charts = useMemo<ChartSet>(() => {
    if (!ctx) return IDLE_CHARTS;
    const full =
      (scope.startsWith('node:') ? nodeCharts(history, ctx, scope.slice(5)) : null) ??
      (scope.startsWith('edge:') ? edgeCharts(history, ctx, scope.slice(5)) : null) ??
      systemCharts(history, ctx);
    // A chart card is a few hundred pixels wide: more points than that cost recharts time and show nothing.
    return {
      throughput: downsample(full.throughput),
      latency: downsample(full.latency),
      errorRate: downsample(full.errorRate),
      queues: downsample(full.queues),
      breakers: downsample(full.breakers),
      failures: downsample(full.failures),
    };
  }, [history, ctx, scope]);

  return { ctx, charts, frames: history.length };
}
