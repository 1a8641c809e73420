import { closeDialog } from '../../state/sessionStore';
import { openNewDiagram } from '../files/fileActions';
import { Icon } from '../icons/Icon';

/** The templates' first card: an empty diagram with the default scenario (File → New diagram). */
export function BlankTemplate() {
  return (
    <button
      type="button"
      className="template-card"
      data-testid="template-blank"
      title="An empty diagram with the default scenario settings"
      onClick={() => {
        closeDialog();
        openNewDiagram();
      }}
    >
      <span className="thumb thumb--blank">
        <Icon name="plus" size={22} />
      </span>
      <span className="template-name">Blank</span>
      <span className="template-desc">An empty “Untitled system” with the default scenario settings.</span>
    </button>
  );
}
