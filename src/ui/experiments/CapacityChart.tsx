import {
  CartesianGrid,
  ComposedChart,
  type DotItemDotProps,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CapacityRow } from '../../state/experiments/capacityView';
import { chartStyle, tick, tooltipStyle, verdictFill } from './chartStyle';
import { formatNumber } from './format';

const margin = { top: 12, right: 16, bottom: 16, left: 4 };

/** A rate tried, coloured by whether every chosen SLO held there. */
function VerdictDot({ cx, cy, payload }: DotItemDotProps) {
  const row = payload as CapacityRow;
  if (cx === undefined || cy === undefined || row.observed === null) return null;
  return <circle cx={cx} cy={cy} r={4} fill={verdictFill(row.ok)} stroke="var(--surface)" strokeWidth={1} />;
}

interface Props {
  rows: CapacityRow[];
  sloLabel: string;
  objective: { value: number; label: string } | null;
  maxRatePerSec: number;
}

/**
 * The rates a capacity search tried (a log axis: it brackets by doubling) against one SLO's observed
 * value, each dot green where every chosen SLO held and red where one failed, the SLO's objective as
 * a dashed line and the capacity found as a vertical one.
 */
export function CapacityChart({ rows, sloLabel, objective, maxRatePerSec }: Props) {
  return (
    <div className="exp-chart" data-testid="capacity-chart" data-points={rows.length}>
      <ComposedChart responsive data={rows} margin={margin} style={chartStyle}>
        <CartesianGrid stroke="var(--border-subtle)" />
        <XAxis
          dataKey="rate"
          type="number"
          scale="log"
          domain={['dataMin', 'dataMax']}
          tick={tick}
          stroke="var(--border)"
          tickFormatter={formatNumber}
          label={{ value: 'requests/s', position: 'insideBottom', offset: -10, fontSize: 10 }}
        />
        <YAxis tick={tick} stroke="var(--border)" width={52} tickFormatter={formatNumber} />
        <Tooltip
          isAnimationActive={false}
          contentStyle={tooltipStyle}
          labelFormatter={(x) => `${formatNumber(Number(x))} requests/s`}
          formatter={(value: unknown) => [formatNumber(Number(value)), sloLabel] as const}
        />
        <Line
          dataKey="observed"
          name={sloLabel}
          stroke="var(--chart-1)"
          strokeWidth={1.5}
          dot={VerdictDot}
          activeDot={false}
          isAnimationActive={false}
          connectNulls
        />
        {objective ? (
          <ReferenceLine
            y={objective.value}
            stroke="var(--chart-bad)"
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
            label={{
              value: objective.label,
              position: 'insideTopLeft',
              fontSize: 11,
              fill: 'var(--chart-bad)',
            }}
          />
        ) : null}
        {maxRatePerSec > 0 ? (
          <ReferenceLine
            x={maxRatePerSec}
            stroke="var(--chart-ok)"
            strokeDasharray="3 3"
            label={{ value: 'capacity', position: 'insideTopRight', fontSize: 11, fill: 'var(--text-2)' }}
          />
        ) : null}
      </ComposedChart>
    </div>
  );
}
