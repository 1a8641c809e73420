import './autosaveHeld.css';
import { releaseHeld, useFirstHeld, useHeldCount } from '../state/autosaveHold';
import { downloadBlob } from './files/download';
import { Icon } from './icons/Icon';

/**
 * Says that autosave is paused, and why: something saved (an unreadable autosave, a diagram Recent
 * had no room for) would otherwise be written over. Exporting or discarding it resumes autosave.
 */
export function AutosaveHeldNotice() {
  const held = useFirstHeld();
  const count = useHeldCount();
  if (!held) return null;
  const exportIt = () => {
    downloadBlob(held.fileName, new Blob([held.text], { type: 'application/json' }));
    releaseHeld(held.id);
  };
  return (
    <div className="banner banner--error" role="alert" data-testid="autosave-held" data-reason={held.reason}>
      <Icon name="alert" size={16} />
      <div className="banner-text">
        <div className="banner-title">{held.title}</div>
        <ul className="banner-details">
          {held.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
          {count > 1 ? <li>{count - 1} more after this one.</li> : null}
        </ul>
        <div className="banner-actions">
          <button type="button" className="btn btn--primary" data-testid="held-export" onClick={exportIt}>
            <Icon name="download" size={14} /> Export it
          </button>
          <button
            type="button"
            className="btn btn--ghost"
            data-testid="held-discard"
            onClick={() => releaseHeld(held.id)}
          >
            <Icon name="trash" size={14} /> Discard it
          </button>
        </div>
      </div>
    </div>
  );
}
