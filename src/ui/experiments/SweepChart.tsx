import {
  Area,
  CartesianGrid,
  ComposedChart,
  type DotItemDotProps,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SweepChart as Chart, SweepRow } from '../../state/experiments/sweepView';
import { chartStyle, tick, tooltipStyle, verdictFill } from './chartStyle';
import { formatNumber } from './format';

const margin = { top: 12, right: 16, bottom: 4, left: 4 };

/** A point coloured by whether every SLO held there (grey without SLOs). */
function VerdictDot({ cx, cy, payload }: DotItemDotProps) {
  const row = payload as SweepRow;
  if (cx === undefined || cy === undefined || row.mean === null) return null;
  return (
    <circle cx={cx} cy={cy} r={3.5} fill={verdictFill(row.ok)} stroke="var(--surface)" strokeWidth={1} />
  );
}

const formatTooltip = (value: unknown, name: unknown) =>
  [
    Array.isArray(value)
      ? `${formatNumber(value[0])} – ${formatNumber(value[1])}`
      : formatNumber(Number(value)),
    String(name),
  ] as const;

/**
 * The metric against the swept parameter: the mean of each point's replications as a line, their
 * 95 % interval as a band, and each SLO on this metric as a dashed line at its objective.
 */
export function SweepChart({ chart, metricLabel }: { chart: Chart; metricLabel: string }) {
  return (
    <div className="exp-chart" data-testid="sweep-chart" data-points={chart.rows.length}>
      <ComposedChart responsive data={chart.rows} margin={margin} style={chartStyle}>
        <CartesianGrid stroke="var(--border-subtle)" />
        <XAxis
          dataKey="x"
          type="number"
          domain={['dataMin', 'dataMax']}
          ticks={chart.rows.map((r) => r.x)}
          interval="preserveStartEnd"
          tick={tick}
          stroke="var(--border)"
          tickFormatter={formatNumber}
        />
        <YAxis tick={tick} stroke="var(--border)" width={52} tickFormatter={formatNumber} />
        <Tooltip
          isAnimationActive={false}
          contentStyle={tooltipStyle}
          labelFormatter={(x) => `${chart.parameter} = ${formatNumber(Number(x))}`}
          formatter={formatTooltip}
        />
        <Area
          className="sweep-band"
          dataKey="band"
          name="95 % interval"
          stroke="none"
          fill="var(--chart-1)"
          fillOpacity={0.18}
          isAnimationActive={false}
          activeDot={false}
        />
        <Line
          className="sweep-mean"
          dataKey="mean"
          name={metricLabel}
          stroke="var(--chart-1)"
          strokeWidth={2}
          dot={VerdictDot}
          activeDot={false}
          isAnimationActive={false}
        />
        {chart.lines.map((line) => (
          <ReferenceLine
            key={line.id}
            className="sweep-slo-line"
            y={line.value}
            stroke="var(--chart-bad)"
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
            label={{ value: line.label, position: 'insideTopLeft', fontSize: 11, fill: 'var(--chart-bad)' }}
          />
        ))}
      </ComposedChart>
    </div>
  );
}
