import type { ReactFlowInstance } from '@xyflow/react';
import { type DragEvent, useCallback } from 'react';
import { type NodeKind, nodeKinds } from '../../core/model/schema';
import { importFile } from '../files/fileActions';
import { addNodeAt } from './editActions';
import { type ArchFlowEdge, type ArchFlowNode, PALETTE_MIME } from './flowTypes';

const isKind = (value: string): value is NodeKind => (nodeKinds as readonly string[]).includes(value);

/** The canvas as a drop target: a palette kind becomes a node where it lands, a file is imported. */
export function useCanvasDrop(flow: ReactFlowInstance<ArchFlowNode, ArchFlowEdge>) {
  const onDragOver = useCallback((event: DragEvent) => {
    const types = event.dataTransfer.types;
    if (types.includes(PALETTE_MIME) || types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (kind && isKind(kind)) {
        event.preventDefault();
        addNodeAt(kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
        return;
      }
      const file = event.dataTransfer.files[0];
      if (file) {
        event.preventDefault();
        void importFile(file);
      }
    },
    [flow],
  );

  return { onDragOver, onDrop };
}
