import { useState } from 'react';
import { runReplications, useExperiment } from '../../state/experiments/experimentStore';
import { replicationsJsonText } from '../../state/experiments/replicationsView';
import { downloadBlob, fileBaseName } from '../files/download';
import { Icon } from '../icons/Icon';
import { ExperimentNotice } from './ExperimentNotice';
import { JsonDownloadButton } from './JsonDownloadButton';
import { ReplicationsResults } from './ReplicationsResults';

/** The Replications tab: the current design over N seeds, every number as a mean with its 95 % interval. */
export function ReplicationsPanel() {
  const [replications, setReplications] = useState('10');
  const busy = useExperiment((s) => s.job !== null);
  const outcome = useExperiment((s) => s.replications);
  const download = () => {
    if (!outcome) return;
    downloadBlob(
      `${fileBaseName(outcome.document.name)}.replications.json`,
      new Blob([replicationsJsonText(outcome)], { type: 'application/json' }),
    );
  };
  return (
    <div className="exp-compare">
      <form
        className="exp-replications-form"
        data-testid="replications-form"
        onSubmit={(e) => {
          e.preventDefault();
          void runReplications(Number(replications));
        }}
      >
        <label className="exp-field exp-field--narrow" htmlFor="replications-count">
          <span className="exp-label">Replications</span>
          <input
            id="replications-count"
            data-testid="replications-count"
            className="input"
            type="number"
            min={2}
            max={200}
            value={replications}
            onChange={(e) => setReplications(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn--primary" data-testid="replications-run" disabled={busy}>
          <Icon name="play" size={13} /> Run replications
        </button>
        {outcome ? <JsonDownloadButton testId="replications-download" onClick={download} /> : null}
      </form>
      <ExperimentNotice kind="replications" />
      {outcome ? (
        <ReplicationsResults outcome={outcome} />
      ) : (
        <div className="exp-empty">
          <Icon name="experiment" size={22} className="icon--muted" />
          <div className="empty-title">No replications yet</div>
          <div className="empty-text">
            The current design runs over seeds S, S+1, … (S: the scenario’s seed) in background workers, as
            `archplay run --replications N` does: each number as its mean with a 95 % interval, and an SLO
            holds only if the worse end of its interval meets the target.
          </div>
        </div>
      )}
    </div>
  );
}
