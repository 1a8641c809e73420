import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Where the node context menu is open, if anywhere. */
export interface NodeMenuState {
  nodeId: string;
  x: number;
  y: number;
}

const store = createStore<{ menu: NodeMenuState | null }>()(() => ({ menu: null }));

/** Opens the quick-fault menu of a node at a screen position (the canvas's right click). */
function openNodeMenu(nodeId: string, x: number, y: number): void {
  store.setState({ menu: { nodeId, x, y } });
}

export function closeNodeMenu(): void {
  store.setState({ menu: null });
}

export function useNodeMenu(): NodeMenuState | null {
  return useStore(store, (s) => s.menu);
}

/** React Flow's onNodeContextMenu handler: replaces the browser menu with the quick-fault menu. */
export function onNodeContextMenu(
  event: { preventDefault(): void; clientX: number; clientY: number },
  node: { id: string },
): void {
  event.preventDefault();
  openNodeMenu(node.id, event.clientX, event.clientY);
}
