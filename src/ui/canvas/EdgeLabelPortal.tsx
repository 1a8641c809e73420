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

interface Props {
  /** Where the label goes, in flow coordinates. */
  x: number;
  y: number;
  /** `center`: the label's centre is at (x, y); `below`: its top edge, centred on x. */
  align: 'center' | 'below';
  children: ReactNode;
}

/**
 * Renders an edge's HTML label into the canvas's label layer, as EdgeLabelRenderer does, placed by
 * an anchor of no size at (x, y) that centres it by flexbox. A label placed by a transform (React
 * Flow's way) gets a paint chunk of its own, and the browser layerizes every chunk on every frame:
 * with a caption and a live label per edge, a fifth of that work on a 300-node diagram.
 */
export function EdgeLabelPortal({ x, y, align, children }: Props) {
  const layer = useStore(selectLabelLayer);
  if (!layer) return null;
  return createPortal(
    <div className="edge-label-anchor" data-align={align} style={{ left: x, top: y }}>
      {children}
    </div>,
    layer,
  );
}
