import { type SessionState, setSelection, useSession } from '../../../state/sessionStore';
import { BREAKER_LABELS, breakerStateOf } from '../../../worker/protocol';
import { MetricChart } from './MetricChart';
import { chartInterval, useChartSet } from './useChartSet';

const selectScope = (s: SessionState) =>
  s.selectedNodeIds.length === 1 && s.selectedEdgeIds.length === 0
    ? `node:${s.selectedNodeIds[0]}`
    : s.selectedEdgeIds.length === 1 && s.selectedNodeIds.length === 0
      ? `edge:${s.selectedEdgeIds[0]}`
      : 'system';

const throughputColors = ['var(--chart-ok)', 'var(--chart-bad)'];
const latencyColors = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)'];
const errorColors = ['var(--chart-bad)'];
// The cause with the most failures first; the last colour is also the one of "other".
const failureColors = [
  'var(--chart-3)',
  'var(--chart-2)',
  'var(--chart-1)',
  'var(--chart-4)',
  'var(--chart-5)',
  'var(--chart-other)',
];
const multiColors = [
  'var(--chart-1)',
  'var(--chart-4)',
  'var(--chart-2)',
  'var(--chart-5)',
  'var(--chart-3)',
];
/** A breaker's frame number as people read it (the core's one label table); no breaker reads as closed. */
const breakerLabel = (frameNumber: number) => BREAKER_LABELS[breakerStateOf(frameNumber) ?? 'CLOSED'];
const capitalised = (label: string) => `${label[0]!.toUpperCase()}${label.slice(1)}`;
const breakerTicks = [0, 1, 2];
const breakerDomain: [number, number] = [0, 2];
const formatBreaker = (v: number) => capitalised(breakerLabel(Math.round(v)));
const formatPct = (v: number) => `${v}%`;
const formatMs = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(1)}s` : `${Math.round(v)}ms`);

/**
 * Throughput, latency percentiles, error rate, failures by cause, queues and breakers: of the
 * system or the selection.
 */
export function ChartsPanel() {
  const scope = useSession(selectScope);
  const { ctx, charts, frames } = useChartSet(scope);

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
            No run yet: press Run to chart throughput, latency, errors and their causes, queues and breakers.
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
          {frames} frames · redrawn every {(chartInterval() / 1000).toFixed(1)} s
        </span>
      </div>
      <section
        className="charts-grid"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard scrolls the charts when they overflow the panel (axe: scrollable-region-focusable).
        tabIndex={0}
        aria-label="Charts"
      >
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
        <MetricChart
          title="Failures by cause"
          unit="failed/s"
          model={charts.failures}
          colors={failureColors}
          stacked
          wide
          testId="chart-failures"
          emptyText="No failures"
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
                      className={`breaker-chip is-${breakerLabel(state)}`}
                      data-testid={`breaker-chip-${ctx.layout.edgeIds[Number(s.key.slice(1))]}`}
                      data-state={breakerLabel(state)}
                    >
                      {s.label}: {capitalised(breakerLabel(state))}
                    </span>
                  );
                })}
              </div>
            ) : null}
          </MetricChart>
        ) : null}
      </section>
    </div>
  );
}
