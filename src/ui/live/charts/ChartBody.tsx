import { memo, useMemo, useRef } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Curve,
  Line,
  LineChart,
  type LineDrawShapeProps,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartModel } from '../../../state/chartModel';
import { AXIS_FONT_SIZE, AxisTick } from './AxisTick';
import { timeTicks, zeroBasedTicks } from './chartTicks';

export interface ChartBodyProps {
  model: ChartModel;
  /** CSS colours per series, in order. */
  colors: readonly string[];
  step?: boolean;
  /** Draw the series as stacked areas (parts of a whole, e.g. failures by cause) instead of lines. */
  stacked?: boolean;
  yTicks?: number[];
  yDomain?: [number, number];
  formatY?: (value: number) => string;
}

interface Sized {
  /** The chart's size in px (see useChartSize); nothing is drawn before it is measured. */
  width: number;
  height: number;
}

/** The y axis's width for numbers; fixed labels (breaker states) get room for their longest one. */
const Y_AXIS_WIDTH = 44;
/** About how wide a character of the axis font is, in px. */
const AXIS_CHAR_PX = 0.62 * AXIS_FONT_SIZE;

function yAxisWidth(yTicks: number[] | undefined, formatY: ((value: number) => string) | undefined): number {
  if (!yTicks || !formatY) return Y_AXIS_WIDTH;
  const longest = Math.max(...yTicks.map((t) => formatY(t).length));
  return Math.max(Y_AXIS_WIDTH, Math.ceil(longest * AXIS_CHAR_PX) + 12);
}
const chartMargin = { top: 4, right: 8, bottom: 0, left: 0 };
/** The charts' tooltip box, in the theme's colours. */
export const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  fontSize: 11,
};
const formatT = (t: number) => `${Math.round(t)}s`;
const formatTooltipT = (t: unknown) => `t = ${Number(t).toFixed(1)} s`;
const xDomain = ['dataMin', 'dataMax'];

/**
 * A line drawn without recharts' path ref. Given the ref, recharts measures the path
 * (getTotalLength) on every render, which forces a style and layout pass over the whole page
 * mid-run; the length only serves the entrance animation, which these charts do not play.
 */
function UnmeasuredLine({
  pathRef: _pathRef,
  animationElapsedTime: _elapsed,
  isAnimating: _animating,
  isEntrance: _entrance,
  visibleLength: _visible,
  ...curve
}: LineDrawShapeProps) {
  return <Curve {...curve} />;
}

/**
 * The array given last time when it holds the same numbers. recharts keeps each axis's settings in
 * its store: a new ticks array, even an equal one, replaces the axis there and recomputes every
 * selector of the chart, so equal ticks are handed over as the very same array.
 */
function useSameArray<T extends readonly number[] | null>(next: T): T {
  const last = useRef(next);
  const prev = last.current;
  if (prev !== next && !(prev && next && sameNumbers(prev, next))) last.current = next;
  return last.current;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Tick counts of the small charts: a few labels fit a card's width and height. */
const X_TICKS = 4;
const Y_TICKS = 4;

/**
 * The recharts part of a chart. Its ticks are computed here, so recharts never measures tick
 * labels in the DOM (each new label would force a layout of the whole page mid-run); it renders
 * only when its model changes.
 */
export const ChartBody = memo(function ChartBody({
  model,
  colors,
  step,
  stacked,
  yTicks,
  yDomain,
  formatY,
  width,
  height,
}: ChartBodyProps & Sized) {
  const xTicks = useSameArray(useMemo(() => timeTicks(model, X_TICKS), [model]));
  const autoYTicks = useSameArray(
    useMemo(() => (yTicks ? null : zeroBasedTicks(model, Y_TICKS, stacked)), [model, yTicks, stacked]),
  );
  const domain = useMemo<[number, number]>(
    () => yDomain ?? [0, autoYTicks?.at(-1) ?? 1],
    [yDomain, autoYTicks],
  );
  const formatter = useMemo(
    () => (v: unknown, name: unknown) => [formatY ? formatY(Number(v)) : String(v), String(name)] as const,
    [formatY],
  );
  const Chart = stacked ? AreaChart : LineChart;
  return (
    <Chart width={width} height={height} data={model.rows} margin={chartMargin}>
      <CartesianGrid stroke="var(--border-subtle)" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        domain={xDomain}
        ticks={xTicks}
        interval={0}
        tick={AxisTick}
        fontSize={AXIS_FONT_SIZE}
        tickFormatter={formatT}
        stroke="var(--border)"
      />
      <YAxis
        tick={AxisTick}
        fontSize={AXIS_FONT_SIZE}
        stroke="var(--border)"
        width={yAxisWidth(yTicks, formatY)}
        ticks={yTicks ?? autoYTicks ?? undefined}
        interval={0}
        domain={domain}
        tickFormatter={formatY}
        allowDecimals={!yTicks}
      />
      <Tooltip
        isAnimationActive={false}
        contentStyle={tooltipStyle}
        labelFormatter={formatTooltipT}
        formatter={formatter}
      />
      {model.series.map((s, i) =>
        stacked ? (
          <Area
            key={s.key}
            dataKey={s.key}
            name={s.label}
            type={step ? 'stepAfter' : 'linear'}
            stackId="stack"
            stroke={colors[i % colors.length]}
            fill={colors[i % colors.length]}
            fillOpacity={0.55}
            strokeWidth={1}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
        ) : (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            type={step ? 'stepAfter' : 'linear'}
            stroke={colors[i % colors.length]}
            strokeWidth={1.5}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            shape={UnmeasuredLine}
          />
        ),
      )}
    </Chart>
  );
});
