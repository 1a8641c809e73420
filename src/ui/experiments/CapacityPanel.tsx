import { capacityJsonText } from '../../state/experiments/capacityView';
import { useExperiment } from '../../state/experiments/experimentStore';
import { downloadBlob, fileBaseName } from '../files/download';
import { Icon } from '../icons/Icon';
import { CapacityFormFields } from './CapacityFormFields';
import { CapacityResults } from './CapacityResults';
import { ExperimentNotice } from './ExperimentNotice';
import { JsonDownloadButton } from './JsonDownloadButton';

/** The Capacity tab: the form on the left; the highest rate at which the SLOs hold, and how the search got there. */
export function CapacityPanel() {
  const outcome = useExperiment((s) => s.capacity);
  const download = () => {
    if (!outcome) return;
    downloadBlob(
      `${fileBaseName(outcome.documentName)}.capacity.json`,
      new Blob([capacityJsonText(outcome)], { type: 'application/json' }),
    );
  };
  return (
    <div className="exp-split">
      <CapacityFormFields />
      <section className="exp-result" aria-label="Capacity result">
        <ExperimentNotice kind="capacity" />
        {outcome ? (
          <>
            <header className="exp-result-head">
              <div>
                <div className="exp-result-title">Capacity of {outcome.json.client}</div>
                <div className="exp-result-sub">
                  {outcome.documentName} · {outcome.json.points.length} rates tried · {outcome.replications}{' '}
                  run{outcome.replications === 1 ? '' : 's'} a step · {outcome.json.slos.join(', ')}
                </div>
              </div>
              <JsonDownloadButton testId="capacity-download" onClick={download} />
            </header>
            <CapacityResults outcome={outcome} />
          </>
        ) : (
          <div className="exp-empty">
            <Icon name="experiment" size={22} className="icon--muted" />
            <div className="empty-title">No capacity search yet</div>
            <div className="empty-text">
              Pick the client whose load grows and the SLOs that must hold, then Search capacity: the highest
              request rate at which they all hold, and the node that saturates first, as `archplay capacity`
              finds them.
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
