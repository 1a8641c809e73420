import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis } from 'recharts';
import { COMPARE_FIELDS, type CompareField } from '../../state/experiments/compareView';
import { type ReplicationsOutcome, replicationBars } from '../../state/experiments/replicationsView';
import { chartStyle, tick, tooltipStyle } from './chartStyle';
import { FieldSelect } from './FieldSelect';
import { formatNumber, niceCeiling, yAxisLabel } from './format';

const margin = { top: 8, right: 12, bottom: 4, left: 4 };

/** One number of every node over the seeds: the mean as a bar, its 95 % interval as a whisker. */
export function ReplicationsChart({ outcome }: { outcome: ReplicationsOutcome }) {
  const [field, setField] = useState<CompareField>('latencyMs.p99');
  const bars = useMemo(() => replicationBars(outcome, field), [outcome, field]);
  // One explicit domain holding every whisker, so bars and whiskers share a scale from the first render.
  const top = useMemo(() => Math.max(0, ...bars.map((b) => b.mean + b.error)), [bars]);
  const [, label, unit] = COMPARE_FIELDS.find(([f]) => f === field)!;
  return (
    <div className="exp-compare-chart">
      <div className="exp-chart-head">
        <FieldSelect id="replications-field" value={field} onChange={setField} />
        <ul className="exp-legend" aria-label="Legend">
          <li className="exp-legend-note">bars: mean over the seeds · whiskers: 95 % interval</li>
        </ul>
      </div>
      <div className="exp-chart exp-chart--bars" data-testid="replications-chart" data-nodes={bars.length}>
        <BarChart responsive data={bars} margin={margin} style={chartStyle}>
          <CartesianGrid stroke="var(--border-subtle)" vertical={false} />
          <XAxis dataKey="node" tick={tick} stroke="var(--border)" interval={0} />
          <YAxis
            tick={tick}
            stroke="var(--border)"
            width={52}
            tickFormatter={formatNumber}
            domain={[0, top > 0 ? niceCeiling(top) : 1]}
            label={yAxisLabel(label, unit)}
          />
          <Tooltip
            isAnimationActive={false}
            contentStyle={tooltipStyle}
            formatter={(v) => formatNumber(Number(v))}
          />
          <Bar dataKey="mean" name="mean" fill="var(--chart-1)" isAnimationActive={false}>
            <ErrorBar dataKey="error" width={4} stroke="var(--text-2)" isAnimationActive={false} />
          </Bar>
        </BarChart>
      </div>
    </div>
  );
}
