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
import { type SessionState, setSelection, useSession } from '../../../state/sessionStore';
import { useLoadedDocument } from '../../../state/simSession';
import { BREAKER_CLOSED, BREAKER_HALF_OPEN, BREAKER_OPEN, type Frame } from '../../../worker/protocol';
import { uiKinds } from '../../kinds';
import { useThrottledLive } from '../useThrottledLive';
import { MetricChart } from './MetricChart';
import { staggeredRoundMs } from './useStaggered';

/** Charts redraw at most five times a second, whatever the frame rate. */
const CHART_INTERVAL_MS = 200;
/**
 * And use at most about a tenth of the main thread: when redrawing them all costs more (a slow or
 * busy machine, many series), they redraw less often, down to once a second, so the canvas and
 * its badges keep their frame rate. (A recharts update costs about 11 ms on a loaded two-core
 * machine without a GPU, so there the five charts redraw about every half second.)
 */
const CHART_MAIN_THREAD_SHARE = 0.1;
const CHART_SLOWEST_INTERVAL_MS = 1000;
const chartInterval = () =>
  Math.min(
    CHART_SLOWEST_INTERVAL_MS,
    Math.max(CHART_INTERVAL_MS, staggeredRoundMs() / CHART_MAIN_THREAD_SHARE),
  );

const IDLE_CHARTS = idleCharts();
const selectHistory = (s: LiveState) => s.history;
const isEmpty = (h: Frame[]) => h.length === 0;
const selectScope = (s: SessionState) =>
  s.selectedNodeIds.length === 1 && s.selectedEdgeIds.length === 0
    ? `node:${s.selectedNodeIds[0]}`
    : s.selectedEdgeIds.length === 1 && s.selectedNodeIds.length === 0
      ? `edge:${s.selectedEdgeIds[0]}`
      : 'system';

const throughputColors = ['var(--chart-ok)', 'var(--chart-bad)'];
const latencyColors = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)'];
const errorColors = ['var(--chart-bad)'];
const multiColors = [
  'var(--chart-1)',
  'var(--chart-4)',
  'var(--chart-2)',
  'var(--chart-5)',
  'var(--chart-3)',
];
const breakerNames: Record<number, string> = {
  [BREAKER_CLOSED]: 'Closed',
  [BREAKER_HALF_OPEN]: 'Half-open',
  [BREAKER_OPEN]: 'Open',
};
const breakerClass = ['closed', 'half-open', 'open'];
const breakerTicks = [0, 1, 2];
const breakerDomain: [number, number] = [0, 2];
const formatBreaker = (v: number) => (v >= 2 ? 'Open' : v >= 1 ? 'Half' : 'Closed');
const formatPct = (v: number) => `${v}%`;
const formatMs = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(1)}s` : `${Math.round(v)}ms`);

/** Throughput, latency percentiles, error rate, queues and breakers: of the system or the selection. */
export function ChartsPanel() {
  const history = useThrottledLive(selectHistory, chartInterval, isEmpty);
  const layout = useLiveSelector(
    (s) => s.layout,
    (a, b) => a === b,
  );
  const doc = useLoadedDocument();
  const scope = useSession(selectScope);

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
    };
  }, [history, ctx, scope]);

  // Before the first run the panel draws the empty system charts (see idleCharts) under a hint.
  const scopeId = !ctx || scope === 'system' ? null : scope.slice(5);
  const lastRow = charts.breakers.rows.at(-1);
  return (
    <div className="charts-panel" data-testid="charts-panel">
      <div className="panel-toolbar">
        <span className="panel-toolbar-label">Showing</span>
        <span className="scope-chip" data-testid="charts-scope" data-scope={scopeId ? scope : 'system'}>
          {scopeId && ctx ? ctx.labelOf(scopeId) : 'Whole system'}
        </span>
        {!ctx ? (
          <span className="panel-toolbar-hint">
            No run yet: press Run to chart throughput, latency, errors, queues and breakers.
          </span>
        ) : scopeId ? (
          <button type="button" className="btn btn--ghost btn--xs" onClick={() => setSelection([], [])}>
            Show whole system
          </button>
        ) : (
          <span className="panel-toolbar-hint">Select a node or an edge to chart it alone.</span>
        )}
        <span className="live-spacer" />
        <span
          className="panel-toolbar-hint"
          title="Charts redraw at most five times a second, and less often when redrawing them would take more than a tenth of the page's time."
        >
          {history.length} frames · redrawn every {(chartInterval() / 1000).toFixed(1)} s
        </span>
      </div>
      <div className="charts-grid">
        <MetricChart
          title="Throughput"
          unit="req/s"
          model={charts.throughput}
          colors={throughputColors}
          testId="chart-throughput"
        />
        <MetricChart
          title="Latency"
          unit="ms"
          model={charts.latency}
          colors={latencyColors}
          formatY={formatMs}
          testId="chart-latency"
        />
        <MetricChart
          title="Error rate"
          unit="%"
          model={charts.errorRate}
          colors={errorColors}
          formatY={formatPct}
          testId="chart-errors"
        />
        {charts.queues.series.length > 0 || !scopeId ? (
          <MetricChart
            title="Queue depth & lag"
            unit="items"
            model={charts.queues}
            colors={multiColors}
            testId="chart-queues"
            emptyText="No queues here"
          />
        ) : null}
        {charts.breakers.series.length > 0 || !scopeId ? (
          <MetricChart
            title="Circuit breakers"
            unit="state"
            model={charts.breakers}
            colors={multiColors}
            step
            yTicks={breakerTicks}
            yDomain={breakerDomain}
            formatY={formatBreaker}
            testId="chart-breakers"
            emptyText="No circuit breakers here"
          >
            {ctx ? (
              <div className="breaker-chips">
                {charts.breakers.series.map((s) => {
                  const state = lastRow?.[s.key] ?? 0;
                  return (
                    <span
                      key={s.key}
                      className={`breaker-chip is-${breakerClass[state] ?? 'closed'}`}
                      data-testid={`breaker-chip-${ctx.layout.edgeIds[Number(s.key.slice(1))]}`}
                      data-state={breakerClass[state]}
                    >
                      {s.label}: {breakerNames[state]}
                    </span>
                  );
                })}
              </div>
            ) : null}
          </MetricChart>
        ) : null}
      </div>
    </div>
  );
}
