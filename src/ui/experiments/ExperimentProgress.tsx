import { cancelExperiment, useExperiment } from '../../state/experiments/experimentStore';
import { Icon } from '../icons/Icon';

const labels = {
  sweep: 'Sweep',
  replications: 'Replications',
  compare: 'Comparison',
  capacity: 'Capacity search',
} as const;

/** The running experiment's progress: runs done of all, the workers running them, and Cancel. */
export function ExperimentProgress() {
  const job = useExperiment((s) => s.job);
  if (!job) return null;
  const planning = job.total === 0;
  const pct = planning ? 0 : Math.round((job.done / job.total) * 100);
  const runs = planning
    ? 'Planning…'
    : `${job.done} / ${job.total} runs · ${job.workers} worker${job.workers === 1 ? '' : 's'}`;
  const label = job.step ? `Step ${job.step.index} · ${job.step.ratePerSec}/s · ${runs}` : runs;
  return (
    <div className="exp-progress" data-testid="exp-progress" data-workers={job.workers}>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={`${labels[job.kind]} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={label}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="exp-progress-text">{label}</span>
      <button type="button" className="btn btn--xs" data-testid="exp-cancel" onClick={cancelExperiment}>
        <Icon name="x" size={12} /> Cancel
      </button>
    </div>
  );
}
