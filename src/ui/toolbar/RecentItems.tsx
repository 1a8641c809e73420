import './recent.css';
import { restoreRecent, useRecentEntries } from '../../state/recentStore';
import { setSelection } from '../../state/sessionStore';
import { fitViewSoon } from '../canvas/flowControls';
import { Icon } from '../icons/Icon';
import { toast } from '../toast/toastStore';
import { describeReason, describeWhen } from './recentLabels';

function restore(id: string): void {
  const result = restoreRecent(id);
  if (!result.ok) {
    toast(result.message, 'error');
    return;
  }
  setSelection([], []);
  fitViewSoon();
  toast(`Restored “${result.name}”; the diagram it replaced is in Recent`, 'success');
}

/** The File menu's Recent section: diagrams that something replaced, newest first, each restorable. */
export function RecentItems({ onPick }: { onPick: () => void }) {
  const entries = useRecentEntries();
  const now = new Date();
  return (
    <div className="menu-recent" data-testid="recent-list">
      <div className="menu-heading">Recent</div>
      {entries.length === 0 ? (
        <div className="menu-empty" data-testid="recent-empty">
          Diagrams replaced by a template, an import or a link appear here.
        </div>
      ) : (
        <div className="menu-scroll">
          {entries.map((entry) => (
            <button
              key={entry.id}
              type="button"
              role="menuitem"
              className="menu-item menu-item--two-line"
              data-testid="recent-item"
              data-name={entry.name}
              onClick={() => {
                onPick();
                restore(entry.id);
              }}
            >
              <Icon name="undo" size={14} />
              <span className="menu-label">
                <span className="menu-title">{entry.name || 'Untitled'}</span>
                <span className="menu-sub">
                  {describeReason(entry.reason)}, {describeWhen(entry.setAsideAt, now)}
                </span>
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
