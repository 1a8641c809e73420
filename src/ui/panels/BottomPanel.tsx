import type { PointerEvent } from 'react';
import {
  bottomTabs,
  type SessionState,
  sessionStore,
  setBottomPanelHeight,
  showBottomTab,
  toggleBottomPanel,
  useSession,
} from '../../state/sessionStore';
import { ExperimentsButton } from '../experiments/ExperimentsButton';
import { Icon } from '../icons/Icon';
import { tabContent } from './tabContent';

const selectOpen = (s: SessionState) => s.bottomPanelOpen;
const selectTab = (s: SessionState) => s.bottomTab;
const selectHeight = (s: SessionState) => s.bottomPanelHeightPx;

function startResize(event: PointerEvent<HTMLDivElement>) {
  const startY = event.clientY;
  const startHeight = sessionStore.getState().bottomPanelHeightPx;
  const target = event.currentTarget;
  target.setPointerCapture(event.pointerId);
  const move = (e: globalThis.PointerEvent) => setBottomPanelHeight(startHeight + (startY - e.clientY));
  const up = () => {
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', up);
  };
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', up);
}

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
      {open ? (
        // biome-ignore lint/a11y/useSemanticElements: a draggable splitter, which <hr> cannot be.
        <div
          className="bottom-resize"
          onPointerDown={startResize}
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize panel"
        />
      ) : null}
      <div className="bottom-tabs" role="tablist">
        {bottomTabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={open && t === tab}
            className={open && t === tab ? 'bottom-tab is-active' : 'bottom-tab'}
            data-testid={`tab-${t}`}
            onClick={() => (open && t === tab ? toggleBottomPanel() : showBottomTab(t))}
          >
            {tabContent[t].label}
          </button>
        ))}
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
        <div className="bottom-body" role="tabpanel">
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
