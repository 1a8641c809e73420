import type { ReactFlowInstance } from '@xyflow/react';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes';

type Instance = ReactFlowInstance<ArchFlowNode, ArchFlowEdge>;

// Toolbar, menus and shortcuts act on the one canvas; it registers itself here once initialised.
let instance: Instance | null = null;
let paneElement: HTMLElement | null = null;

export function registerFlow(flow: Instance | null, pane: HTMLElement | null): void {
  instance = flow;
  paneElement = pane;
}

export function getFlow(): Instance | null {
  return instance;
}

// Fits under way; while any is, the document carries data-viewport-fitting, so whoever must act on
// where nodes are on screen (a test pointing at a node) can wait for the view to settle.
let fitsUnderWay = 0;

function markFitting(delta: 1 | -1): void {
  fitsUnderWay += delta;
  if (fitsUnderWay > 0) document.documentElement.dataset.viewportFitting = '';
  else delete document.documentElement.dataset.viewportFitting;
}

/** How the whole diagram is fitted: on open, after Arrange, on a window resize and on F. */
export const FIT_OPTIONS = { padding: 0.12, maxZoom: 1.1 } as const;

/** Fits the whole diagram into the canvas now, animated. */
export function fitDiagram(): void {
  void instance?.fitView({ ...FIT_OPTIONS, duration: 250 });
}

/** Fits the diagram after React Flow has measured new nodes (next frames). */
export function fitViewSoon(): void {
  markFitting(1);
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      // React Flow resolves the fit when its animation ends; the timer covers a fit it never starts.
      let done = false;
      const settled = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        markFitting(-1);
      };
      const timer = setTimeout(settled, 1000);
      if (instance) void instance.fitView({ ...FIT_OPTIONS, duration: 250 }).then(settled, settled);
      else settled();
    }),
  );
}

/** The flow position at the centre of the visible canvas, where click-to-add places a node. */
export function visibleCenter(): { x: number; y: number } {
  if (!instance || !paneElement) return { x: 0, y: 0 };
  const rect = paneElement.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}
