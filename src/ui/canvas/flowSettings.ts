import { type ReactFlowProps, SelectionMode } from '@xyflow/react';
import { FIT_OPTIONS } from './flowControls';
import { type ArchFlowEdge, type ArchFlowNode, GRID_PX } from './flowTypes';

/**
 * The canvas's fixed React Flow settings. Nodes and edges are not tab stops: the canvas is one
 * (useCanvasKeys), and Space runs the simulation rather than panning.
 */
export const flowSettings = {
  fitView: true,
  fitViewOptions: FIT_OPTIONS,
  nodesFocusable: false,
  edgesFocusable: false,
  disableKeyboardA11y: true,
  panActivationKeyCode: null,
  minZoom: 0.2,
  maxZoom: 2.5,
  snapToGrid: true,
  snapGrid: [GRID_PX, GRID_PX],
  selectionOnDrag: true,
  selectionMode: SelectionMode.Partial,
  panOnDrag: [1, 2],
  panOnScroll: true,
  zoomOnPinch: true,
  zoomActivationKeyCode: ['Meta', 'Control'],
  multiSelectionKeyCode: ['Shift', 'Meta', 'Control'],
  deleteKeyCode: ['Backspace', 'Delete'],
  connectionRadius: 28,
  defaultEdgeOptions: { type: 'arch' },
  proOptions: { hideAttribution: false },
  attributionPosition: 'top-right',
} satisfies ReactFlowProps<ArchFlowNode, ArchFlowEdge>;
