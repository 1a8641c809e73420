import { describe, expect, it } from 'vitest';
import { firstNode, nearestInDirection } from './nearestNode';

// a grid:  a(0,0)  b(300,0)  c(600,0)
//                  d(300,200)
//          e(0,300)
const nodes = [
  { id: 'a', x: 0, y: 0 },
  { id: 'b', x: 300, y: 0 },
  { id: 'c', x: 600, y: 0 },
  { id: 'd', x: 300, y: 200 },
  { id: 'e', x: 0, y: 300 },
];
const at = (id: string) => nodes.find((n) => n.id === id)!;

describe('nearestInDirection', () => {
  it('moves to the nearest node that way, preferring the same row or column', () => {
    expect(nearestInDirection(at('a'), nodes, 'right')).toBe('b');
    expect(nearestInDirection(at('b'), nodes, 'right')).toBe('c');
    expect(nearestInDirection(at('b'), nodes, 'down')).toBe('d');
    expect(nearestInDirection(at('d'), nodes, 'up')).toBe('b');
    expect(nearestInDirection(at('c'), nodes, 'left')).toBe('b');
  });

  it('reaches a node off the row when none lies on it', () => {
    expect(nearestInDirection(at('d'), nodes, 'left')).toBe('e');
    expect(nearestInDirection(at('e'), nodes, 'right')).toBe('d');
  });

  it('returns null at the edge of the diagram', () => {
    expect(nearestInDirection(at('a'), nodes, 'left')).toBeNull();
    expect(nearestInDirection(at('a'), nodes, 'up')).toBeNull();
    expect(nearestInDirection(at('e'), nodes, 'down')).toBeNull();
  });
});

describe('firstNode', () => {
  it('starts at the leftmost node, the topmost of a tie, and has none in an empty diagram', () => {
    expect(firstNode(nodes)).toBe('a');
    expect(
      firstNode([
        { id: 'z', x: 5, y: 9 },
        { id: 'y', x: 5, y: 1 },
      ]),
    ).toBe('y');
    expect(firstNode([])).toBeNull();
  });
});
