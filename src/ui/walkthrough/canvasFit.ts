import { FIT_OPTIONS, getFlow } from '../canvas/flowControls';

/** Width of the walkthrough panel; mirrors --wt-panel-width in walkthrough.css. */
const PANEL_WIDTH_PX = 372;

const besidePanel = {
  top: '36px',
  bottom: '36px',
  left: '36px',
  right: `${PANEL_WIDTH_PX + 48}px`,
} as const;

/** Below this free width beside the panel, a whole diagram would shrink past the least zoom. */
const MIN_FREE_WIDTH_PX = 420;

/** Whether the canvas leaves too little room beside the panel to show a whole diagram. */
export function narrowBesidePanel(): boolean {
  const canvas = document.querySelector<HTMLElement>('.react-flow');
  return canvas !== null && canvas.clientWidth - PANEL_WIDTH_PX - 84 < MIN_FREE_WIDTH_PX;
}

/**
 * Fits the diagram (or only `nodeIds`, the request's path so far) into the part of the canvas the
 * walkthrough panel leaves free, so the camera follows the request as it travels. On a narrow
 * canvas the walk starts at the clients, where the request starts, instead of the whole diagram.
 */
export function fitBesidePanel(nodeIds?: readonly string[]): void {
  const flow = getFlow();
  if (!flow) return;
  let ids = nodeIds;
  if (ids === undefined && narrowBesidePanel()) {
    const clients = flow.getNodes().filter((n) => n.type === 'client');
    if (clients.length > 0) ids = clients.map((n) => n.id);
  }
  void flow.fitView({
    nodes: ids?.map((id) => ({ id })),
    padding: besidePanel,
    duration: 300,
    maxZoom: 0.9,
  });
}

/** Fits the whole diagram again, as the canvas does on open. */
export function fitWhole(): void {
  void getFlow()?.fitView({ ...FIT_OPTIONS, duration: 250 });
}
