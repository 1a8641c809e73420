import { openDialog } from '../../state/sessionStore';
import { Icon } from '../icons/Icon';

/** What an empty canvas says: how to start, so a blank page is never a dead end. */
export function CanvasEmpty() {
  return (
    <div className="canvas-empty">
      <div className="canvas-empty-card">
        <Icon name="cursor" size={20} />
        <div className="canvas-empty-title">Start your architecture</div>
        <div className="canvas-empty-text">
          Drag a component from the left, drop a .json file here, or start from a template.
        </div>
        <button type="button" className="btn btn--primary" onClick={() => openDialog('templates')}>
          <Icon name="templates" size={14} /> Browse templates
        </button>
      </div>
    </div>
  );
}
