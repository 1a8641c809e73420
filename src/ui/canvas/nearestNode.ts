export type Direction = 'left' | 'right' | 'up' | 'down';

/** A node's centre in flow coordinates. */
export interface NodePoint {
  id: string;
  x: number;
  y: number;
}

const axes: Record<Direction, { dx: number; dy: number }> = {
  left: { dx: -1, dy: 0 },
  right: { dx: 1, dy: 0 },
  up: { dx: 0, dy: -1 },
  down: { dx: 0, dy: 1 },
};

/**
 * The node an arrow key moves to: among those ahead of `from` in that direction, the nearest,
 * where a step sideways counts twice a step ahead (so → prefers the node on the same row).
 * Null when nothing lies that way.
 */
export function nearestInDirection(
  from: NodePoint,
  nodes: readonly NodePoint[],
  direction: Direction,
): string | null {
  const { dx, dy } = axes[direction];
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const node of nodes) {
    if (node.id === from.id) continue;
    const ahead = (node.x - from.x) * dx + (node.y - from.y) * dy;
    if (ahead <= 0) continue;
    const aside = Math.abs((node.x - from.x) * dy + (node.y - from.y) * dx);
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = node.id;
    }
  }
  return best;
}

/** Where keyboard focus starts on the canvas: the top-left node (leftmost, then topmost). */
export function firstNode(nodes: readonly NodePoint[]): string | null {
  let best: NodePoint | null = null;
  for (const node of nodes)
    if (!best || node.x < best.x || (node.x === best.x && node.y < best.y)) best = node;
  return best?.id ?? null;
}
