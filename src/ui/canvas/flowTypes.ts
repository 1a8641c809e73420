import type { Edge, Node } from '@xyflow/react';
import type { ArchEdge, ArchNode, NodeKind } from '../../core/model/schema';

export type ArchFlowNode = Node<{ node: ArchNode }, NodeKind>;
export type ArchFlowEdge = Edge<{ edge: ArchEdge }, 'arch'>;

/** The MIME type a palette item carries while dragged, so drops of other things are ignored. */
export const PALETTE_MIME = 'application/x-archplay-kind';
/** Canvas grid in flow pixels; snapping and auto-layout both land on it. */
export const GRID_PX = 16;
/** Size assumed for a node not yet measured (new drops, auto-layout before paint). */
export const NODE_SIZE = { width: 240, height: 96 } as const;
