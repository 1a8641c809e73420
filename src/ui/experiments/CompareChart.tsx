import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, Tooltip, XAxis, YAxis } from 'recharts';
import {
  COMPARE_FIELDS,
  type CompareField,
  type CompareOutcome,
  compareBars,
} from '../../state/experiments/compareView';
import { chartStyle, tick, tooltipStyle } from './chartStyle';
import { FieldSelect } from './FieldSelect';
import { formatNumber, niceCeiling, yAxisLabel } from './format';

const margin = { top: 8, right: 12, bottom: 4, left: 4 };

interface Props {
  outcome: CompareOutcome;
  colours: { a: string; b: string };
}

/**
 * One number of every node for both designs, overlaid: A's and B's means side by side in their
 * colours, each with its 95 % interval as an error bar, and a legend naming the designs.
 */
export function CompareChart({ outcome, colours }: Props) {
  const [field, setField] = useState<CompareField>('latencyMs.p99');
  const bars = useMemo(() => compareBars(outcome, field), [outcome, field]);
  // An explicit domain that holds every whisker: bars and error bars are then drawn on one scale
  // from the first render (left to recharts, the whiskers of the first render used another).
  const domain = useMemo<[number, number]>(() => {
    let top = 0;
    for (const b of bars) top = Math.max(top, (b.a ?? 0) + b.aError, (b.b ?? 0) + b.bError);
    return [0, top > 0 ? niceCeiling(top) : 1];
  }, [bars]);
  const [, label, unit] = COMPARE_FIELDS.find(([f]) => f === field)!;
  return (
    <div className="exp-compare-chart">
      <div className="exp-chart-head">
        <FieldSelect id="compare-field" value={field} onChange={setField} />
        <ul className="exp-legend" aria-label="Legend" data-testid="compare-legend">
          <li>
            <span className="exp-swatch" style={{ background: colours.a }} /> A: {outcome.a.name}
          </li>
          <li>
            <span className="exp-swatch" style={{ background: colours.b }} /> B: {outcome.b.name}
          </li>
          <li className="exp-legend-note">bars: mean · whiskers: 95 % interval</li>
        </ul>
      </div>
      <div className="exp-chart exp-chart--bars" data-testid="compare-chart" data-nodes={bars.length}>
        <BarChart responsive data={bars} margin={margin} style={chartStyle} barGap={2}>
          <CartesianGrid stroke="var(--border-subtle)" vertical={false} />
          <XAxis dataKey="node" tick={tick} stroke="var(--border)" interval={0} />
          <YAxis
            tick={tick}
            stroke="var(--border)"
            width={52}
            tickFormatter={formatNumber}
            domain={domain}
            label={yAxisLabel(label, unit)}
          />
          <Tooltip
            isAnimationActive={false}
            contentStyle={tooltipStyle}
            formatter={(v) => formatNumber(Number(v))}
          />
          <Bar dataKey="a" name={`A: ${outcome.a.name}`} fill={colours.a} isAnimationActive={false}>
            <ErrorBar dataKey="aError" width={4} stroke="var(--text-2)" isAnimationActive={false} />
          </Bar>
          <Bar dataKey="b" name={`B: ${outcome.b.name}`} fill={colours.b} isAnimationActive={false}>
            <ErrorBar dataKey="bError" width={4} stroke="var(--text-2)" isAnimationActive={false} />
          </Bar>
        </BarChart>
      </div>
    </div>
  );
}
