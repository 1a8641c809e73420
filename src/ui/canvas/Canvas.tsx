import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { selectEdges, selectNodes, useDocumentStore } from '../../state/documentStore';
import { countRender } from '../../state/frameTiming';
import {
  pruneSelection,
  selectSelectedEdgeIds,
  selectSelectedNodeIds,
  selectTheme,
  useSession,
} from '../../state/sessionStore';
import { onNodeContextMenu } from '../live/nodeMenuStore';
import { ZoomDetail } from '../live/ZoomDetail';
import { edgeTypes } from './ArchEdgePath';
import { CanvasEmpty } from './CanvasEmpty';
import { connectNodes } from './connect';
import { registerFlow } from './flowControls';
import { createEdgeBuilder, createNodeBuilder } from './flowModel';
import { flowSettings } from './flowSettings';
import { type ArchFlowEdge, type ArchFlowNode, GRID_PX } from './flowTypes';
import { nodeTypes } from './nodeTypes';
import { useCanvasDrop } from './useCanvasDrop';
import { useCanvasFrame } from './useCanvasFrame';
import { cardDomId, useCanvasKeys } from './useCanvasKeys';
import { useFlowChanges } from './useFlowChanges';

const minimapColor = (node: ArchFlowNode) => `var(--kind-${node.type ?? 'service'})`;

/**
 * The diagram canvas. The document store is the truth for nodes and edges and the session store
 * for selection; drag previews live here until the drop, so one drag is one undo step.
 */
export function Canvas() {
  countRender('canvas');
  const docNodes = useDocumentStore(selectNodes);
  const docEdges = useDocumentStore(selectEdges);
  const selectedNodeIds = useSession(selectSelectedNodeIds);
  const selectedEdgeIds = useSession(selectSelectedEdgeIds);
  const theme = useSession(selectTheme);
  const flow = useReactFlow<ArchFlowNode, ArchFlowEdge>();
  const paneRef = useRef<HTMLDivElement>(null);
  const { dragPositions, measured, onNodesChange, onEdgesChange, onDelete } = useFlowChanges();
  const { onDragOver, onDrop } = useCanvasDrop(flow);
  const minimap = useCanvasFrame(paneRef);
  const keys = useCanvasKeys(flow, paneRef);

  const buildNodes = useMemo(createNodeBuilder, []);
  const buildEdges = useMemo(createEdgeBuilder, []);
  const nodeSelection = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);
  const edgeSelection = useMemo(() => new Set(selectedEdgeIds), [selectedEdgeIds]);
  const nodes = useMemo(
    () => buildNodes(docNodes, nodeSelection, dragPositions, measured),
    [buildNodes, docNodes, nodeSelection, dragPositions, measured],
  );
  const edges = useMemo(() => buildEdges(docEdges, edgeSelection), [buildEdges, docEdges, edgeSelection]);

  // Undo, delete or an import can remove selected elements; keep the selection honest.
  useEffect(() => {
    pruneSelection(new Set(docNodes.map((n) => n.id)), new Set(docEdges.map((e) => e.id)));
  }, [docNodes, docEdges]);

  useEffect(() => {
    registerFlow(flow, paneRef.current);
    return () => registerFlow(null, null);
  }, [flow]);

  return (
    <div
      className="canvas"
      ref={paneRef}
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-testid="canvas"
      role="application"
      aria-roledescription="diagram"
      aria-label={`Diagram, ${docNodes.length} components. Arrows move between them, Enter selects.`}
      aria-activedescendant={keys.activeId ? cardDomId(keys.activeId) : undefined}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the diagram is one tab stop; arrow keys move between its nodes (useCanvasKeys).
      tabIndex={0}
      onFocus={keys.onFocus}
      onKeyDown={keys.onKeyDown}
    >
      <ReactFlow<ArchFlowNode, ArchFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={connectNodes}
        onDelete={onDelete}
        onNodeContextMenu={onNodeContextMenu}
        colorMode={theme}
        {...flowSettings}
      >
        <ZoomDetail />
        <Background variant={BackgroundVariant.Dots} gap={GRID_PX} size={1.2} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          pannable
          zoomable
          position="bottom-right"
          style={minimap}
          nodeColor={minimapColor}
          nodeBorderRadius={6}
          ariaLabel="Overview"
        />
      </ReactFlow>
      {docNodes.length === 0 ? <CanvasEmpty /> : null}
    </div>
  );
}
