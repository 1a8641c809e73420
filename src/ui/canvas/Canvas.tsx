import {
  Background,
  BackgroundVariant,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  SelectionMode,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NodeKind } from '../../core/model/schema';
import { nodeKinds } from '../../core/model/schema';
import { documentStore, selectEdges, selectNodes, useDocumentStore } from '../../state/documentStore';
import { countRender } from '../../state/frameTiming';
import {
  pruneSelection,
  selectSelectedEdgeIds,
  selectSelectedNodeIds,
  selectTheme,
  sessionStore,
  setSelection,
  useSession,
} from '../../state/sessionStore';
import { importFile } from '../files/fileActions';
import { onNodeContextMenu } from '../live/nodeMenuStore';
import { ZoomDetail } from '../live/ZoomDetail';
import { edgeTypes } from './ArchEdgePath';
import { CanvasEmpty } from './CanvasEmpty';
import { connectNodes } from './connect';
import { addNodeAt } from './editActions';
import { registerFlow } from './flowControls';
import { createEdgeBuilder, createNodeBuilder } from './flowModel';
import { type ArchFlowEdge, type ArchFlowNode, GRID_PX, PALETTE_MIME } from './flowTypes';
import { nodeTypes } from './nodeTypes';

type XY = { x: number; y: number };
type Size = { width: number; height: number };

const minimapSize = { width: 168, height: 112 };
const minimapColor = (node: ArchFlowNode) => `var(--kind-${node.type ?? 'service'})`;
const isKind = (value: string): value is NodeKind => (nodeKinds as readonly string[]).includes(value);

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
  const [dragPositions, setDragPositions] = useState<Record<string, XY>>({});
  const [measured, setMeasured] = useState<Record<string, Size>>({});
  const flow = useReactFlow<ArchFlowNode, ArchFlowEdge>();
  const paneRef = useRef<HTMLDivElement>(null);

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

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the canvas is a drop target for palette items and files; keyboard users add nodes by clicking palette items.
    <div className="canvas" ref={paneRef} onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
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
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1.1 }}
        minZoom={0.2}
        maxZoom={2.5}
        snapToGrid
        snapGrid={[GRID_PX, GRID_PX]}
        selectionOnDrag
        selectionMode={SelectionMode.Partial}
        panOnDrag={[1, 2]}
        panOnScroll
        zoomOnPinch
        zoomActivationKeyCode={['Meta', 'Control']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        deleteKeyCode={['Backspace', 'Delete']}
        connectionRadius={28}
        defaultEdgeOptions={{ type: 'arch' }}
        proOptions={{ hideAttribution: false }}
        attributionPosition="top-right"
      >
        <ZoomDetail />
        <Background variant={BackgroundVariant.Dots} gap={GRID_PX} size={1.2} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          pannable
          zoomable
          position="bottom-right"
          style={minimapSize}
          nodeColor={minimapColor}
          nodeBorderRadius={6}
          ariaLabel="Overview"
        />
      </ReactFlow>
      {docNodes.length === 0 ? <CanvasEmpty /> : null}
    </div>
  );
}
