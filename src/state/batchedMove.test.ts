import { beforeEach, describe, expect, it } from 'vitest';
import { validateDocument } from '../core/model/validate';
import { moveNodesInBatches } from './batchedMove';
import { documentStore, loadDocumentFresh, redo, undo } from './documentStore';

const COUNT = 250;

function bigDiagram() {
  const result = validateDocument({
    format: 'archplay',
    version: 2,
    name: 'Big',
    nodes: Array.from({ length: COUNT }, (_, i) => ({
      id: `s${i}`,
      kind: 'service',
      label: `S${i}`,
      position: { x: i, y: 0 },
    })),
    edges: [],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

const xs = () => documentStore.getState().document.nodes.map((n) => n.position.x);
const moves = Array.from({ length: COUNT }, (_, i) => ({ id: `s${i}`, position: { x: 1000 + i, y: 40 } }));

describe('moveNodesInBatches', () => {
  beforeEach(() => loadDocumentFresh(bigDiagram()));

  it('applies a batch per wait, and the whole move is one undo step and one redo step', async () => {
    const seen: number[] = [];
    await moveNodesInBatches(moves, 100, async () => {
      // What the page shows between two frames: the batches so far have moved.
      seen.push(xs().filter((x) => x >= 1000).length);
    });
    expect(seen).toEqual([100, 200]);
    expect(xs()).toEqual(moves.map((m) => m.position.x));
    expect(documentStore.temporal.getState().pastStates).toHaveLength(1);
    undo();
    expect(xs()).toEqual(moves.map((_, i) => i));
    redo();
    expect(xs()).toEqual(moves.map((m) => m.position.x));
    // History records again after the move: the next change is a step of its own.
    documentStore.getState().moveNodes([{ id: 's0', position: { x: 7, y: 7 } }]);
    expect(documentStore.temporal.getState().pastStates).toHaveLength(2);
  });

  it('moves a small diagram in one commit, without waiting', async () => {
    let waits = 0;
    await moveNodesInBatches(moves.slice(0, 50), 100, async () => {
      waits++;
    });
    expect(waits).toBe(0);
    expect(xs().filter((x) => x >= 1000)).toHaveLength(50);
    expect(documentStore.temporal.getState().pastStates).toHaveLength(1);
  });

  it('records history again when a wait fails', async () => {
    await expect(
      moveNodesInBatches(moves, 100, () => Promise.reject(new Error('page closed'))),
    ).rejects.toThrow('page closed');
    documentStore.getState().moveNodes([{ id: 's0', position: { x: 7, y: 7 } }]);
    expect(documentStore.temporal.getState().pastStates).toHaveLength(2);
  });
});
