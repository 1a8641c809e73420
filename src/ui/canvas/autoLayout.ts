import { moveNodesInBatches } from '../../state/batchedMove';
import { documentStore } from '../../state/documentStore';
import { toast } from '../toast/toastStore';
import { fitViewSoon, getFlow } from './flowControls';
import { GRID_PX, NODE_SIZE } from './flowTypes';

const snap = (v: number) => Math.round(v / GRID_PX) * GRID_PX;

/** Nodes moved per frame: at 100 the first Arrange of a 300-node diagram still had a task of 64-66 ms; at 50, none in 4 of 5 rounds. */
const MOVES_PER_FRAME = 50;
/** The next frame, or 100 ms in a hidden tab (which runs no frames), so an Arrange always finishes. */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });

type Elk = InstanceType<typeof import('elkjs/lib/elk-api.js').default>;
let elkLoading: Promise<Elk> | null = null;

/**
 * ELK in a Web Worker of its own, started on first use and kept for the next layout: the layered
 * algorithm took 0.3-1 s on the main thread for a 300-node diagram, one long task. Only the small
 * API module is loaded here; the worker fetches ELK itself (about 1.4 MB), off the start-up bundle.
 */
function loadElk(): Promise<Elk> {
  elkLoading ??= Promise.all([
    import('elkjs/lib/elk-api.js'),
    import('elkjs/lib/elk-worker.min.js?url'),
  ]).then(([{ default: ELK }, { default: workerUrl }]) => new ELK({ workerUrl }));
  return elkLoading;
}

/**
 * Lays the diagram out left to right with ELK's layered algorithm, as one undoable move (applied
 * fifty nodes a frame, so a big diagram's move is no long task). A failure
 * (the worker could not start) is reported and leaves the diagram as it was.
 */
export async function autoLayout(): Promise<void> {
  try {
    await layOut();
  } catch (error) {
    elkLoading = null;
    toast(`Auto-layout failed: ${(error as Error).message ?? String(error)}`, 'error');
  }
}

async function layOut(): Promise<void> {
  const { nodes, edges } = documentStore.getState().document;
  if (nodes.length === 0) return;
  const elk = await loadElk();
  const flow = getFlow();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '96',
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
  await moveNodesInBatches(moves, MOVES_PER_FRAME, nextFrame);
  fitViewSoon();
  toast('Arranged left to right', 'success');
}
