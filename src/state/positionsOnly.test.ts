import { describe, expect, it } from 'vitest';
import type { ArchNode } from '../core/model/schema';
import { createDefaultDocument } from './defaultDocument';
import { onlyPositionsMoved, sameButPosition } from './positionsOnly';

describe('onlyPositionsMoved', () => {
  it('is true when nodes only moved and false for any other change of a node or the document', () => {
    const doc = createDefaultDocument();
    const [first, ...rest] = doc.nodes;
    const moved = { ...doc, nodes: [{ ...first!, position: { x: 1, y: 2 } }, ...rest] };
    expect(onlyPositionsMoved(doc, moved)).toBe(true);
    expect(onlyPositionsMoved(doc, { ...doc, nodes: [{ ...first!, label: 'Renamed' }, ...rest] })).toBe(
      false,
    );
    expect(onlyPositionsMoved(doc, { ...doc, nodes: rest })).toBe(false);
    expect(onlyPositionsMoved(doc, { ...moved, edges: [...doc.edges] })).toBe(false);
    expect(onlyPositionsMoved(doc, { ...moved, name: 'Other' })).toBe(false);
  });
});

describe('sameButPosition', () => {
  it('ignores the position and compares every other field of the node', () => {
    const node = createDefaultDocument().nodes[0]!;
    expect(sameButPosition(node, { ...node, position: { x: -1, y: -1 } })).toBe(true);
    expect(sameButPosition(node, { ...node, config: { ...node.config } } as ArchNode)).toBe(false);
    expect(sameButPosition(node, { ...node, label: `${node.label}!` })).toBe(false);
  });
});
