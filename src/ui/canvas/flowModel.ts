import type { ArchEdge, ArchNode } from '../../core/model/schema';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes';
import { edgeHandles } from './handles';

type XY = { x: number; y: number };
type Size = { width: number; height: number };

interface NodeEntry {
  source: ArchNode;
  selected: boolean;
  position: XY;
  measured: Size | undefined;
  flow: ArchFlowNode;
}

/**
 * Builds React Flow nodes from the document, reusing the previous object of every node whose
 * inputs did not change, so React Flow and the memoized cards skip untouched nodes.
 */
export function createNodeBuilder() {
  let cache = new Map<string, NodeEntry>();
  return (
    nodes: readonly ArchNode[],
    selected: ReadonlySet<string>,
    dragPositions: Readonly<Record<string, XY>>,
    measured: Readonly<Record<string, Size>>,
  ): ArchFlowNode[] => {
    const next = new Map<string, NodeEntry>();
    const out = nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const position = dragPositions[node.id] ?? node.position;
      const size = measured[node.id];
      const prev = cache.get(node.id);
      if (
        prev &&
        prev.source === node &&
        prev.selected === isSelected &&
        prev.position === position &&
        prev.measured === size
      ) {
        next.set(node.id, prev);
        return prev.flow;
      }
      const flow: ArchFlowNode = {
        id: node.id,
        type: node.kind,
        position,
        data: { node },
        selected: isSelected,
        ...(size ? { measured: size } : {}),
      };
      next.set(node.id, { source: node, selected: isSelected, position, measured: size, flow });
      return flow;
    });
    cache = next;
    return out;
  };
}

interface EdgeEntry {
  source: ArchEdge;
  selected: boolean;
  flow: ArchFlowEdge;
}

/** Same reuse as the node builder, for edges. */
export function createEdgeBuilder() {
  let cache = new Map<string, EdgeEntry>();
  return (edges: readonly ArchEdge[], selected: ReadonlySet<string>): ArchFlowEdge[] => {
    const next = new Map<string, EdgeEntry>();
    const out = edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const prev = cache.get(edge.id);
      if (prev && prev.source === edge && prev.selected === isSelected) {
        next.set(edge.id, prev);
        return prev.flow;
      }
      const flow: ArchFlowEdge = {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        ...edgeHandles(edge.kind),
        type: 'arch',
        data: { edge },
        selected: isSelected,
      };
      next.set(edge.id, { source: edge, selected: isSelected, flow });
      return flow;
    });
    cache = next;
    return out;
  };
}
