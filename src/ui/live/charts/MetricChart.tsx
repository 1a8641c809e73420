import { memo, useRef, useState } from 'react';
import type { ChartModel } from '../../../state/chartModel';
import { ChartBody, type ChartBodyProps } from './ChartBody';
import { useChartSize } from './useChartSize';
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

const hasData = (model: ChartModel) =>
  model.idle !== true && model.rows.length > 0 && model.series.length > 0;

/**
 * The model to draw: this one when it has data, else the last one that had (at first the idle
 * one). A run starts with no rows, and a chart of failures or queues with no series; drawing that
 * removes the axes' ticks and labels and the lines, and the first data then mounts them all again,
 * recharts measuring each new axis's font in the DOM (a forced style pass over the whole page) in
 * the run's first second. Kept drawn and hidden under "No data yet" (or the empty text) instead,
 * the first data is an update like any other.
 */
function useDrawnModel(model: ChartModel): ChartModel {
  const [last, setLast] = useState(model);
  if (hasData(model) && model !== last) setLast(model);
  return hasData(model) ? model : last;
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
  const drawn = useDrawnModel(model);
  const bodyRef = useRef<HTMLDivElement>(null);
  const size = useChartSize(bodyRef);
  const idle = model.idle === true;
  const points = idle ? 0 : model.rows.length;
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
      {/* Mounted and drawn once before the run's first point, hidden while there is none (see
          idleCharts and useDrawnModel): the first update of a run then costs what any update
          costs, not a mount. */}
      <div ref={bodyRef} className={hasData(model) ? 'chart-body' : 'chart-body is-idle'}>
        <ChartBody
          model={drawn}
          width={size.width}
          height={size.height}
          colors={colors}
          step={step}
          stacked={stacked}
          yTicks={yTicks}
          yDomain={yDomain}
          formatY={formatY}
        />
        {!hasData(model) ? (
          <div className="chart-empty">
            {points === 0 ? 'No data yet' : (emptyText ?? 'Nothing to chart here')}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export const MetricChart = memo(MetricChartView);
