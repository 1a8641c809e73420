import type { ReactFlowInstance } from '@xyflow/react';
import { type FocusEvent, type KeyboardEvent, type RefObject, useCallback, useRef, useState } from 'react';
import { sessionStore, setSelection } from '../../state/sessionStore';
import type { ArchFlowEdge, ArchFlowNode } from './flowTypes';
import { NODE_SIZE } from './flowTypes';
import { type Direction, firstNode, type NodePoint, nearestInDirection } from './nearestNode';

type Instance = ReactFlowInstance<ArchFlowNode, ArchFlowEdge>;

const arrows: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The DOM id of a node's card, for aria-activedescendant. */
export const cardDomId = (nodeId: string): string => `node-card-${nodeId}`;

function centres(flow: Instance): NodePoint[] {
  return flow.getNodes().map((n) => ({
    id: n.id,
    x: n.position.x + (n.measured?.width ?? NODE_SIZE.width) / 2,
    y: n.position.y + (n.measured?.height ?? NODE_SIZE.height) / 2,
  }));
}

/** Marks the node in keyboard focus on its React Flow wrapper (an attribute React does not own). */
function mark(pane: HTMLElement | null, id: string | null): void {
  pane?.querySelector('.react-flow__node[data-kbd-focus]')?.removeAttribute('data-kbd-focus');
  if (id)
    pane?.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.setAttribute('data-kbd-focus', '');
}

/** Pans (at the same zoom) so the node is on screen, when it is not. */
function reveal(flow: Instance, pane: HTMLElement | null, point: NodePoint): void {
  if (!pane) return;
  const rect = pane.getBoundingClientRect();
  const at = flow.flowToScreenPosition({ x: point.x, y: point.y });
  const margin = 40;
  const inside =
    at.x > rect.left + margin &&
    at.x < rect.right - margin &&
    at.y > rect.top + margin &&
    at.y < rect.bottom - margin;
  if (!inside) void flow.setCenter(point.x, point.y, { zoom: flow.getZoom(), duration: 200 });
}

/**
 * The canvas as one tab stop: arrow keys move a focus ring to the nearest node in that direction
 * (the node does not move), Enter selects it. Screen readers follow it through aria-activedescendant.
 */
export function useCanvasKeys(flow: Instance, paneRef: RefObject<HTMLElement | null>) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const current = useRef<string | null>(null);

  const focusNode = useCallback(
    (id: string | null, points: NodePoint[]) => {
      current.current = id;
      setActiveId(id);
      mark(paneRef.current, id);
      const point = points.find((p) => p.id === id);
      if (point) reveal(flow, paneRef.current, point);
    },
    [flow, paneRef],
  );

  const onFocus = useCallback(
    (e: FocusEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget) return;
      const points = centres(flow);
      const kept = points.some((p) => p.id === current.current) ? current.current : null;
      const selected = sessionStore.getState().selectedNodeIds[0];
      focusNode(
        kept ?? (points.some((p) => p.id === selected) ? (selected ?? null) : firstNode(points)),
        points,
      );
    },
    [flow, focusNode],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
      const direction = arrows[e.key];
      const points = centres(flow);
      const from = points.find((p) => p.id === current.current);
      if (direction) {
        e.preventDefault();
        const next = from ? nearestInDirection(from, points, direction) : firstNode(points);
        if (next) focusNode(next, points);
      } else if (e.key === 'Enter' && from) {
        e.preventDefault();
        setSelection(e.shiftKey ? [...sessionStore.getState().selectedNodeIds, from.id] : [from.id], []);
      }
    },
    [flow, focusNode],
  );

  return { activeId, onFocus, onKeyDown };
}
