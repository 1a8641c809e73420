import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { documentStore } from '../../state/documentStore';
import { sessionStore, setSelection } from '../../state/sessionStore';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes';

type XY = { x: number; y: number };
type Size = { width: number; height: number };

/**
 * React Flow's change events, applied where each belongs: a drag's positions stay here until the
 * drop (so one drag is one undo step), measured sizes too, drops and deletions go to the document
 * store, selection to the session store.
 */
export function useFlowChanges() {
  const [dragPositions, setDragPositions] = useState<Record<string, XY>>({});
  const [measured, setMeasured] = useState<Record<string, Size>>({});

  const onNodesChange = useCallback((changes: NodeChange<ArchFlowNode>[]) => {
    const drags: Record<string, XY> = {};
    const drops: { id: string; position: XY }[] = [];
    const sizes: Record<string, Size> = {};
    let selection: Set<string> | null = null;
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        if (change.dragging) drags[change.id] = change.position;
        else drops.push({ id: change.id, position: change.position });
      } else if (change.type === 'dimensions' && change.dimensions) {
        sizes[change.id] = change.dimensions;
      } else if (change.type === 'select') {
        selection ??= new Set(sessionStore.getState().selectedNodeIds);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
    }
    if (Object.keys(sizes).length > 0) setMeasured((prev) => ({ ...prev, ...sizes }));
    if (Object.keys(drags).length > 0) setDragPositions((prev) => ({ ...prev, ...drags }));
    if (drops.length > 0) {
      documentStore.getState().moveNodes(drops);
      setDragPositions({});
    }
    if (selection) setSelection([...selection], sessionStore.getState().selectedEdgeIds);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<ArchFlowEdge>[]) => {
    let selection: Set<string> | null = null;
    for (const change of changes) {
      if (change.type !== 'select') continue;
      selection ??= new Set(sessionStore.getState().selectedEdgeIds);
      if (change.selected) selection.add(change.id);
      else selection.delete(change.id);
    }
    if (selection) setSelection(sessionStore.getState().selectedNodeIds, [...selection]);
  }, []);

  const onDelete = useCallback(({ nodes: n, edges: e }: { nodes: ArchFlowNode[]; edges: ArchFlowEdge[] }) => {
    documentStore.getState().removeElements(
      n.map((x) => x.id),
      e.map((x) => x.id),
    );
  }, []);

  return { dragPositions, measured, onNodesChange, onEdgesChange, onDelete };
}
