import { cancelConversion, useInterop } from '../../state/interop/interopStore';
import { Icon } from '../icons/Icon';

/** A running export or import in the corner: what it is, how far an OTLP run got, and Cancel. */
export function InteropJob() {
  const job = useInterop((s) => s.job);
  if (!job) return null;
  const pct = job.progress === null ? null : Math.round(job.progress * 100);
  return (
    <div className="interop-job" role="status" data-testid="interop-job">
      <span className="interop-job-label">{job.label}…</span>
      <div
        className={pct === null ? 'progress-bar is-indeterminate' : 'progress-bar'}
        role="progressbar"
        aria-label={job.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
      >
        <div className="progress-fill" style={{ width: `${pct ?? 30}%` }} />
      </div>
      {pct === null ? null : <span className="interop-job-pct">{pct}%</span>}
      <button type="button" className="btn btn--xs" data-testid="interop-cancel" onClick={cancelConversion}>
        <Icon name="x" size={12} /> Cancel
      </button>
    </div>
  );
}
