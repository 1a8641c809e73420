import type { KeyboardEvent, PointerEvent } from 'react';
import { type SessionState, sessionStore, setBottomPanelHeight, useSession } from '../../state/sessionStore';

const selectHeight = (s: SessionState) => s.bottomPanelHeightPx;
const KEY_STEP_PX = 24;

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

function onKey(event: KeyboardEvent<HTMLDivElement>) {
  const height = sessionStore.getState().bottomPanelHeightPx;
  if (event.key === 'ArrowUp') setBottomPanelHeight(height + KEY_STEP_PX);
  else if (event.key === 'ArrowDown') setBottomPanelHeight(height - KEY_STEP_PX);
  else return;
  event.preventDefault();
}

/** The bottom panel's top edge: drag it, or focus it and press the up and down arrows. */
export function PanelResizer() {
  const height = useSession(selectHeight);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable splitter, which <hr> cannot be.
    <div
      className="bottom-resize"
      onPointerDown={startResize}
      onKeyDown={onKey}
      role="separator"
      tabIndex={0}
      aria-orientation="horizontal"
      aria-label="Resize the run panel"
      aria-valuenow={height}
      aria-valuemin={120}
      aria-valuemax={Math.max(120, window.innerHeight - 300)}
      data-testid="bottom-resize"
    />
  );
}
