import { FIT_OPTIONS, getFlow } from '../canvas/flowControls';

/** Width of the walkthrough panel; mirrors --wt-panel-width in walkthrough.css. */
const PANEL_WIDTH_PX = 372;

const besidePanel = {
  top: '36px',
  bottom: '36px',
  left: '36px',
  right: `${PANEL_WIDTH_PX + 48}px`,
} as const;

/**
 * Fits the diagram (or only `nodeIds`, the request's path so far) into the part of the canvas the
 * walkthrough panel leaves free, so the camera follows the request as it travels.
 */
export function fitBesidePanel(nodeIds?: readonly string[]): void {
  void getFlow()?.fitView({
    nodes: nodeIds?.map((id) => ({ id })),
    padding: besidePanel,
    duration: 300,
    maxZoom: 0.9,
  });
}

/** Fits the whole diagram again, as the canvas does on open. */
export function fitWhole(): void {
  void getFlow()?.fitView({ ...FIT_OPTIONS, duration: 250 });
}
