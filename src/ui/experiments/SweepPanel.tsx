import { useMemo } from 'react';
import { useExperiment } from '../../state/experiments/experimentStore';
import { SLO_METRIC_PREFIX } from '../../state/experiments/sweepChoices';
import { sloCrossing, sweepChart, sweepJsonText } from '../../state/experiments/sweepView';
import { downloadBlob, fileBaseName } from '../files/download';
import { Icon } from '../icons/Icon';
import { ExperimentNotice } from './ExperimentNotice';
import { formatNumber } from './format';
import { JsonDownloadButton } from './JsonDownloadButton';
import { SweepChart } from './SweepChart';
import { SweepFormFields } from './SweepFormFields';

/** What a sweep's metric is called on the chart: an SLO's id, or the summary path itself. */
const metricLabel = (metric: string) =>
  metric.startsWith(SLO_METRIC_PREFIX) ? `${metric.slice(SLO_METRIC_PREFIX.length)} (observed)` : metric;

/** The Sweep tab: the form on the left; the curve, where the SLOs stop holding, and the JSON on the right. */
export function SweepPanel() {
  const outcome = useExperiment((s) => s.sweep);
  const metric = useExperiment((s) => s.sweepForm?.metric ?? '');
  const chart = useMemo(() => (outcome && metric ? sweepChart(outcome, metric) : null), [outcome, metric]);
  const crossing = chart ? sloCrossing(chart.rows) : null;
  const download = () => {
    if (!outcome) return;
    const text = sweepJsonText(outcome, metric);
    downloadBlob(
      `${fileBaseName(outcome.documentName)}.sweep.json`,
      new Blob([text], { type: 'application/json' }),
    );
  };
  return (
    <div className="exp-split">
      <SweepFormFields />
      <section className="exp-result" aria-label="Sweep result">
        <ExperimentNotice kind="sweep" />
        {chart && outcome ? (
          <>
            <header className="exp-result-head">
              <div>
                <div className="exp-result-title">{metricLabel(metric)}</div>
                <div className="exp-result-sub">
                  against {chart.parameter} · {outcome.documentName} · {outcome.header.replications}{' '}
                  replication{outcome.header.replications === 1 ? '' : 's'} a point
                </div>
              </div>
              <JsonDownloadButton testId="sweep-download" onClick={download} />
            </header>
            <SweepChart chart={chart} metricLabel={metricLabel(metric)} />
            <ul className="exp-legend" aria-label="Legend">
              <li>
                <span className="exp-swatch exp-swatch--line" /> mean
              </li>
              <li>
                <span className="exp-swatch exp-swatch--band" /> 95 % interval
              </li>
              {chart.lines.length > 0 ? (
                <li>
                  <span className="exp-swatch exp-swatch--slo" /> SLO objective
                </li>
              ) : null}
              <li>
                <span className="exp-dot exp-dot--ok" /> SLOs hold <span className="exp-dot exp-dot--bad" />{' '}
                an SLO fails
              </li>
            </ul>
            {crossing && (crossing.holdsUpTo !== null || crossing.failsFrom !== null) ? (
              <p className="exp-verdict" data-testid="sweep-verdict">
                {crossing.failsFrom === null
                  ? `Every SLO holds at every point, up to ${formatNumber(crossing.holdsUpTo!)}.`
                  : crossing.holdsUpTo === null
                    ? `An SLO fails already at ${formatNumber(crossing.failsFrom)}.`
                    : `The SLOs hold up to ${formatNumber(crossing.holdsUpTo)} and fail from ${formatNumber(crossing.failsFrom)}.`}
              </p>
            ) : null}
          </>
        ) : (
          <div className="exp-empty">
            <Icon name="experiment" size={22} className="icon--muted" />
            <div className="empty-title">No sweep yet</div>
            <div className="empty-text">
              Pick a field to vary and a range, then Run sweep: every point runs its replications in
              background workers, and the curve shows the mean with its 95 % band and the SLO lines.
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
