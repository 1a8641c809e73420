import { type ReactFlowState, useStore } from '@xyflow/react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

const LABEL_LAYER = '.react-flow__edgelabel-renderer';
// The label layer of each canvas, once found: React Flow keeps it for the canvas's life.
const layers = new WeakMap<HTMLElement, Element>();

/**
 * The canvas's label layer, looked up once. React Flow's own EdgeLabelRenderer selects it with a
 * querySelector over the whole canvas, and every label runs that selector on every change of
 * React Flow's store: with a label per edge on a 300-node diagram, six hundred DOM searches on
 * each frame of a fit-view animation or an Arrange (the most expensive part of their main-thread time).
 */
function selectLabelLayer(s: ReactFlowState): Element | null {
  const canvas = s.domNode;
  if (!canvas) return null;
  const known = layers.get(canvas);
  if (known?.isConnected) return known;
  const found = canvas.querySelector(LABEL_LAYER);
  if (found) layers.set(canvas, found);
  return found;
}

/** Renders an edge's HTML label into the canvas's label layer, as EdgeLabelRenderer does. */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const layer = useStore(selectLabelLayer);
  return layer ? createPortal(children, layer) : null;
}
