import { memo } from 'react';
import { ChartBody, type ChartBodyProps } from './ChartBody';
import { useStaggered } from './useStaggered';

interface Props extends ChartBodyProps {
  title: string;
  unit: string;
  testId: string;
  /** Shown over the chart when it has rows but no series (default: "Nothing to chart here"). */
  emptyText?: string;
  /** Two columns wide, for a chart with many series (its legend then fits in a line or two). */
  wide?: boolean;
  children?: React.ReactNode;
}

/**
 * One small line chart: no animation, no dots, the newest ≤ 300 points of the run. Its data lands
 * one task after the previous chart's (see useStaggered), so the charts of one update never add up
 * to one long task.
 */
function MetricChartView({
  title,
  unit,
  model: latest,
  colors,
  step,
  stacked,
  yTicks,
  yDomain,
  formatY,
  testId,
  emptyText,
  wide,
  children,
}: Props) {
  const model = useStaggered(latest);
  const idle = model.idle === true;
  const points = idle ? 0 : model.rows.length;
  const hasData = points > 0 && model.series.length > 0;
  return (
    <div
      className={wide ? 'chart-card chart-card--wide' : 'chart-card'}
      data-testid={testId}
      data-points={points}
    >
      <div className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="chart-unit">{unit}</span>
        <span className="live-spacer" />
        {idle ? null : (
          <span className="chart-legend">
            {model.series.map((s, i) => (
              <span key={s.key} className="chart-legend-item">
                <span className="chart-swatch" style={{ background: colors[i % colors.length] }} />
                {s.label}
              </span>
            ))}
          </span>
        )}
      </div>
      {children}
      {/* Mounted and drawn once before the run's first point, hidden while idle (see idleCharts):
          the first update of a run then costs what any update costs, not a mount. */}
      <div className={idle ? 'chart-body is-idle' : 'chart-body'}>
        <ChartBody
          model={model}
          colors={colors}
          step={step}
          stacked={stacked}
          yTicks={yTicks}
          yDomain={yDomain}
          formatY={formatY}
        />
        {!hasData ? (
          <div className="chart-empty">
            {points === 0 ? 'No data yet' : (emptyText ?? 'Nothing to chart here')}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export const MetricChart = memo(MetricChartView);
