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

/** Fits the diagram after React Flow has measured new nodes (next frames). */
export function fitViewSoon(): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      void instance?.fitView({ padding: 0.12, duration: 250, maxZoom: 1.1 });
    }),
  );
}

/** The flow position at the centre of the visible canvas, where click-to-add places a node. */
export function visibleCenter(): { x: number; y: number } {
  if (!instance || !paneElement) return { x: 0, y: 0 };
  const rect = paneElement.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}
