import {
  bottomTabs,
  type SessionState,
  showBottomTab,
  toggleBottomPanel,
  useSession,
} from '../../state/sessionStore';
import { ExperimentsButton } from '../experiments/ExperimentsButton';
import { Icon } from '../icons/Icon';
import { PanelResizer } from './PanelResizer';
import { tabContent } from './tabContent';

const selectOpen = (s: SessionState) => s.bottomPanelOpen;
const selectTab = (s: SessionState) => s.bottomTab;
const selectHeight = (s: SessionState) => s.bottomPanelHeightPx;

/** The tabbed panel under the canvas for run output; resizable, collapsible to its tab strip. */
export function BottomPanel() {
  const open = useSession(selectOpen);
  const tab = useSession(selectTab);
  const height = useSession(selectHeight);
  const info = tabContent[tab];
  const Content = info.component;
  return (
    <section
      className={open ? 'bottom-panel' : 'bottom-panel is-collapsed'}
      style={open ? { height } : undefined}
      data-testid="bottom-panel"
    >
      {open ? <PanelResizer /> : null}
      <div className="bottom-tabs">
        <div className="bottom-tablist" role="tablist" aria-label="Run output">
          {bottomTabs.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`bottom-tab-${t}`}
              aria-selected={open && t === tab}
              aria-controls={open && t === tab ? 'bottom-tabpanel' : undefined}
              className={open && t === tab ? 'bottom-tab is-active' : 'bottom-tab'}
              data-testid={`tab-${t}`}
              onClick={() => (open && t === tab ? toggleBottomPanel() : showBottomTab(t))}
            >
              {tabContent[t].label}
            </button>
          ))}
        </div>
        <div className="bottom-tabs-spacer" />
        <ExperimentsButton />
        <button
          type="button"
          className="btn-icon btn-icon--xs"
          aria-label={open ? 'Collapse panel' : 'Expand panel'}
          onClick={toggleBottomPanel}
        >
          <Icon name={open ? 'chevronDown' : 'chevronUp'} size={14} />
        </button>
      </div>
      {open ? (
        <div
          className="bottom-body"
          role="tabpanel"
          id="bottom-tabpanel"
          aria-labelledby={`bottom-tab-${tab}`}
        >
          {Content ? (
            <Content />
          ) : (
            <div className="empty-state">
              <Icon name="empty" size={22} className="icon--muted" />
              <div className="empty-title">Nothing here yet</div>
              <div className="empty-text">{info.empty}</div>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
