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
import { staggeredRoundMs } from './useStaggered';

/** Charts redraw at most five times a second, whatever the frame rate. */
const CHART_INTERVAL_MS = 200;
/**
 * And use at most about a tenth of the main thread: when redrawing them all costs more (a slow or
 * busy machine, many series), they redraw less often, down to every two seconds, so the canvas and
 * its badges keep their frame rate. (A recharts update costs about 11 ms on a loaded two-core
 * machine without a GPU, so there the six charts redraw about every half second; on a 300-node
 * diagram it costs about 20 ms, and with a one-second floor the charts took a fifth of the main
 * thread there, the largest single share.)
 */
const CHART_MAIN_THREAD_SHARE = 0.1;
const CHART_SLOWEST_INTERVAL_MS = 2000;
export const chartInterval = () =>
  Math.min(
    CHART_SLOWEST_INTERVAL_MS,
    Math.max(CHART_INTERVAL_MS, staggeredRoundMs() / CHART_MAIN_THREAD_SHARE),
  );

const IDLE_CHARTS = idleCharts();
const selectHistory = (s: LiveState) => s.history;
const isEmpty = (h: Frame[]) => h.length === 0;

/**
 * The six chart models of the current run for a scope (`system`, `node:<id>`, `edge:<id>`), at
 * the chart interval; before the first run, the empty system charts (see idleCharts) and no context.
 */
export function useChartSet(scope: string): { ctx: ChartContext | null; charts: ChartSet; frames: number } {
  const history = useThrottledLive(selectHistory, chartInterval, isEmpty);
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
