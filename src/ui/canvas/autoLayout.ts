import { documentStore } from '../../state/documentStore';
import { toast } from '../toast/toastStore';
import { fitViewSoon, getFlow } from './flowControls';
import { GRID_PX, NODE_SIZE } from './flowTypes';

const snap = (v: number) => Math.round(v / GRID_PX) * GRID_PX;

/**
 * Lays the diagram out left to right with ELK's layered algorithm, as one undoable move. ELK is
 * loaded on first use so it stays out of the start-up bundle.
 */
export async function autoLayout(): Promise<void> {
  const { nodes, edges } = documentStore.getState().document;
  if (nodes.length === 0) return;
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const flow = getFlow();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '128',
      'elk.spacing.nodeNode': '48',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    },
    children: nodes.map((n) => {
      const measured = flow?.getInternalNode(n.id)?.measured;
      return {
        id: n.id,
        width: measured?.width ?? NODE_SIZE.width,
        height: measured?.height ?? NODE_SIZE.height,
      };
    }),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const moves = (graph.children ?? []).map((c) => ({
    id: c.id,
    position: { x: snap(c.x ?? 0), y: snap(c.y ?? 0) },
  }));
  documentStore.getState().moveNodes(moves);
  fitViewSoon();
  toast('Arranged left to right', 'success');
}
