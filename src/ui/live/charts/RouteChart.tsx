import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { round } from '../../kinds/stateCard';
import { AXIS_FONT_SIZE, AxisTick } from './AxisTick';
import { tooltipStyle } from './ChartBody';
import { ticksUpTo } from './chartTicks';
import type { RouteChartModel } from './routeCharts';

/** The bars of a route, in order: two counts on the left axis, the mean time on the right one. */
const bars = [
  { key: 'requests', label: 'requests', color: 'var(--chart-1)', axis: 'count' },
  { key: 'errors', label: 'errors', color: 'var(--chart-bad)', axis: 'count' },
  { key: 'meanMs', label: 'mean ms (right axis)', color: 'var(--chart-2)', axis: 'ms' },
] as const;

const Y_TICKS = 4;
const chartMargin = { top: 4, right: 0, bottom: 0, left: 0 };
const chartStyle = { width: '100%', height: '100%' };
const formatMs = (v: number) => `${v} ms`;
/** A few errors among thousands of requests still show as a sliver; a zero stays flat. */
const errorMinHeight = (v: number | null | undefined) => (v ? 2 : 0);
const tooltipValue = (v: unknown, name: unknown) =>
  [String(name).startsWith('mean') ? `${round(Number(v))} ms` : String(v), String(name)] as const;

/**
 * A sidecar proxy's per-route metrics as grouped bars: requests and errors, and the mean time on its
 * own axis. The chart is one image to assistive technology, named by every route's numbers; recharts'
 * own keyboard layer is off, since an image holds no focusable parts.
 */
function RouteChartView({ chart }: { chart: RouteChartModel }) {
  const { rows } = chart;
  const countTicks = useMemo(() => ticksUpTo(Math.max(...rows.map((r) => r.requests)), Y_TICKS), [rows]);
  const msTicks = useMemo(() => ticksUpTo(Math.max(...rows.map((r) => r.meanMs)), Y_TICKS), [rows]);
  return (
    <div
      className="chart-card route-chart"
      data-testid={`route-chart-${chart.proxyId}`}
      data-routes={rows.map((r) => r.route).join(',')}
      data-requests={rows.map((r) => r.requests).join(',')}
      data-errors={rows.map((r) => r.errors).join(',')}
      data-mean-ms={rows.map((r) => round(r.meanMs)).join(',')}
    >
      <div className="chart-head">
        <span className="chart-title">{chart.title}</span>
        <span className="chart-unit">per route</span>
        <span className="live-spacer" />
        <span className="chart-legend">
          {bars.map((b) => (
            <span key={b.key} className="chart-legend-item">
              <span className="chart-swatch is-bar" style={{ background: b.color }} />
              {b.label}
            </span>
          ))}
        </span>
      </div>
      <div className="chart-body" role="img" aria-label={chart.description}>
        <BarChart
          responsive
          data={rows}
          margin={chartMargin}
          style={chartStyle}
          accessibilityLayer={false}
          barCategoryGap="20%"
        >
          <CartesianGrid stroke="var(--border-subtle)" vertical={false} yAxisId="count" />
          <XAxis
            dataKey="route"
            interval={0}
            tick={AxisTick}
            fontSize={AXIS_FONT_SIZE}
            stroke="var(--border)"
          />
          {(['count', 'ms'] as const).map((axis) => (
            <YAxis
              key={axis}
              yAxisId={axis}
              orientation={axis === 'count' ? 'left' : 'right'}
              ticks={axis === 'count' ? countTicks : msTicks}
              domain={[0, (axis === 'count' ? countTicks : msTicks).at(-1)!]}
              interval={0}
              tick={AxisTick}
              fontSize={AXIS_FONT_SIZE}
              tickFormatter={axis === 'ms' ? formatMs : undefined}
              width={axis === 'count' ? 44 : 52}
              stroke="var(--border)"
            />
          ))}
          <Tooltip isAnimationActive={false} contentStyle={tooltipStyle} formatter={tooltipValue} />
          {bars.map((b) => (
            <Bar
              key={b.key}
              dataKey={b.key}
              name={b.label}
              yAxisId={b.axis}
              fill={b.color}
              minPointSize={b.key === 'errors' ? errorMinHeight : 0}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
    </div>
  );
}

export const RouteChart = memo(RouteChartView);
