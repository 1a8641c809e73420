import {
  dismissExperimentNotice,
  type ExperimentKind,
  useExperiment,
} from '../../state/experiments/experimentStore';
import { Icon } from '../icons/Icon';

/** Why the last experiment of this kind gave no result: its problems (`path: message`), or a cancel. */
export function ExperimentNotice({ kind }: { kind: ExperimentKind }) {
  const notice = useExperiment((s) => (s.notice?.kind === kind ? s.notice : null));
  if (!notice) return null;
  return (
    <div
      className={`exp-notice exp-notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid={`${kind}-notice`}
    >
      <Icon name={notice.tone === 'error' ? 'alert' : 'info'} size={14} />
      <ul>
        {notice.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <button
        type="button"
        className="btn-icon btn-icon--xs"
        aria-label="Dismiss"
        onClick={dismissExperimentNotice}
      >
        <Icon name="x" size={12} />
      </button>
    </div>
  );
}
