import { openDialog } from '../../state/sessionStore';
import { Icon } from '../icons/Icon';

/**
 * Opens the Experiment panel, beside the run's output tabs: many seeded runs of the design (a sweep,
 * a comparison) next to the one live run.
 */
export function ExperimentsButton() {
  return (
    <button
      type="button"
      className="btn btn--ghost btn--xs"
      data-testid="open-experiments"
      title="Sweep a parameter or compare two designs over many seeded runs"
      onClick={() => openDialog('experiment')}
    >
      <Icon name="experiment" size={13} /> Experiments
    </button>
  );
}
