import { memo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartModel } from '../../../state/chartData';

interface Props {
  title: string;
  unit: string;
  model: ChartModel;
  /** CSS colours per series, in order. */
  colors: readonly string[];
  step?: boolean;
  yTicks?: number[];
  yDomain?: [number, number];
  formatY?: (value: number) => string;
  testId: string;
  children?: React.ReactNode;
}

const axisTick = { fontSize: 10, fill: 'var(--text-3)' };
const formatT = (t: number) => `${Math.round(t)}s`;

/** One small line chart: no animation, no dots, the newest ≤ 300 points of the run. */
function MetricChartView({
  title,
  unit,
  model,
  colors,
  step,
  yTicks,
  yDomain,
  formatY,
  testId,
  children,
}: Props) {
  const hasData = model.rows.length > 0 && model.series.length > 0;
  return (
    <div className="chart-card" data-testid={testId} data-points={model.rows.length}>
      <div className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="chart-unit">{unit}</span>
        <span className="live-spacer" />
        <span className="chart-legend">
          {model.series.map((s, i) => (
            <span key={s.key} className="chart-legend-item">
              <span className="chart-swatch" style={{ background: colors[i % colors.length] }} />
              {s.label}
            </span>
          ))}
        </span>
      </div>
      {children}
      <div className="chart-body">
        {hasData ? (
          <LineChart
            responsive
            data={model.rows}
            margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
            style={{ width: '100%', height: '100%' }}
          >
            <CartesianGrid stroke="var(--border-subtle)" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              tick={axisTick}
              tickFormatter={formatT}
              stroke="var(--border)"
              minTickGap={24}
            />
            <YAxis
              tick={axisTick}
              stroke="var(--border)"
              width={44}
              ticks={yTicks}
              domain={yDomain ?? [0, 'auto']}
              tickFormatter={formatY}
              allowDecimals={!yTicks}
            />
            <Tooltip
              isAnimationActive={false}
              contentStyle={{
                background: 'var(--surface)',
                border: '1px solid var(--border)',
                borderRadius: 6,
                fontSize: 11,
              }}
              labelFormatter={(t) => `t = ${Number(t).toFixed(1)} s`}
              formatter={(v, name) => [formatY ? formatY(Number(v)) : String(v), name]}
            />
            {model.series.map((s, i) => (
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
              />
            ))}
          </LineChart>
        ) : (
          <div className="chart-empty">
            {model.rows.length === 0 ? 'No data yet' : 'Nothing to chart here'}
          </div>
        )}
      </div>
    </div>
  );
}

export const MetricChart = memo(MetricChartView);
