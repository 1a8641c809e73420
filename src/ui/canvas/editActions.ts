import type { NodeKind } from '../../core/model/schema';
import { extractFragment, type Fragment } from '../../state/clipboard';
import { documentStore } from '../../state/documentStore';
import { sessionStore, setSelection } from '../../state/sessionStore';
import { uiKinds } from '../kinds';
import { NEAR_FROM_ZOOM } from '../live/zoomDetail';
import { toast } from '../toast/toastStore';
import { getFlow } from './flowControls';
import { GRID_PX, NODE_SIZE } from './flowTypes';

const snap = (v: number) => Math.round(v / GRID_PX) * GRID_PX;

function freshLabel(kind: NodeKind): string {
  const base = uiKinds[kind].name;
  const labels = new Set(documentStore.getState().document.nodes.map((n) => n.label));
  if (!labels.has(base)) return base;
  for (let n = 2; ; n++) if (!labels.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** The zoom a new node is shown at, at least: its glance title reads at 11.5 px and more. */
const NEW_NODE_ZOOM = 0.5;

/**
 * Adds a node of `kind` centred on `center` (flow coordinates), snapped, and selects it. Added on
 * a canvas zoomed out too far to read a title, the view zooms in on it.
 */
export function addNodeAt(kind: NodeKind, center: { x: number; y: number }): string {
  const position = { x: snap(center.x - NODE_SIZE.width / 2), y: snap(center.y - NODE_SIZE.height / 2) };
  const id = documentStore.getState().addNode(kind, position, freshLabel(kind));
  setSelection([id], []);
  const flow = getFlow();
  if (flow && flow.getZoom() < NEAR_FROM_ZOOM)
    void flow.setCenter(center.x, center.y, { zoom: NEW_NODE_ZOOM, duration: 250 });
  return id;
}

let clipboard: Fragment | null = null;
let pasteCount = 0;

function selectedFragment(): Fragment {
  const { nodes, edges } = documentStore.getState().document;
  return extractFragment(nodes, edges, new Set(sessionStore.getState().selectedNodeIds));
}

function insert(fragment: Fragment, offsetPx: number): void {
  const copy = documentStore.getState().pasteFragment(fragment, { x: offsetPx, y: offsetPx });
  setSelection(
    copy.nodes.map((n) => n.id),
    copy.edges.map((e) => e.id),
  );
}

export function copySelection(): void {
  const fragment = selectedFragment();
  if (fragment.nodes.length === 0) return;
  clipboard = fragment;
  pasteCount = 0;
  toast(`Copied ${fragment.nodes.length} node${fragment.nodes.length === 1 ? '' : 's'}`);
}

/** Pastes the copied nodes, each paste a little further down-right so copies never hide each other. */
export function pasteClipboard(): void {
  if (!clipboard) return;
  pasteCount += 1;
  insert(clipboard, GRID_PX * 2 * pasteCount);
}

export function duplicateSelection(): void {
  const fragment = selectedFragment();
  if (fragment.nodes.length > 0) insert(fragment, GRID_PX * 2);
}

export function deleteSelection(): void {
  const s = sessionStore.getState();
  if (s.selectedNodeIds.length === 0 && s.selectedEdgeIds.length === 0) return;
  documentStore.getState().removeElements(s.selectedNodeIds, s.selectedEdgeIds);
  setSelection([], []);
}

export function selectAll(): void {
  const { nodes, edges } = documentStore.getState().document;
  setSelection(
    nodes.map((n) => n.id),
    edges.map((e) => e.id),
  );
}
