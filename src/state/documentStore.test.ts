import { beforeEach, describe, expect, it } from 'vitest';
import { validateDocument } from '../core/model/validate';
import { createDefaultDocument } from './defaultDocument';
import { documentStore, loadDocumentFresh, redo, undo } from './documentStore';

const state = () => documentStore.getState();
const history = () => documentStore.temporal.getState();

describe('documentStore', () => {
  beforeEach(() => loadDocumentFresh(createDefaultDocument()));

  it('starts a loaded document with an empty history', () => {
    expect(history().pastStates).toHaveLength(0);
    expect(history().futureStates).toHaveLength(0);
  });

  it('adds a node whose config is the kind schema defaults and whose id is unique', () => {
    const a = state().addNode('service', { x: 0, y: 0 }, 'A');
    const b = state().addNode('service', { x: 0, y: 0 }, 'B');
    expect(a).not.toBe(b);
    const node = state().document.nodes.find((n) => n.id === a);
    expect(node?.kind).toBe('service');
    expect(node?.config).toMatchObject({ instances: 2, concurrency: 8, queueCapacity: 100 });
  });

  it('undoes and redoes one document change at a time', () => {
    const before = state().document;
    state().addNode('client', { x: 5, y: 5 }, 'C');
    const after = state().document;
    undo();
    expect(state().document).toBe(before);
    redo();
    expect(state().document).toBe(after);
  });

  it('records nothing when a change leaves the document as it was', () => {
    state().moveNodes([{ id: 'client', position: { ...state().document.nodes[0]!.position } }]);
    state().renameNode('client', state().document.nodes[0]!.label);
    state().removeElements(['no-such-node'], []);
    expect(history().pastStates).toHaveLength(0);
  });

  it('records a multi-node move as a single undo step', () => {
    state().moveNodes([
      { id: 'client', position: { x: 100, y: 100 } },
      { id: 'gateway', position: { x: 400, y: 100 } },
    ]);
    expect(history().pastStates).toHaveLength(1);
    undo();
    expect(state().document.nodes.find((n) => n.id === 'gateway')?.position).toEqual({ x: 336, y: 96 });
  });

  it('removing a node removes its edges and the config references to it, keeping the document valid', () => {
    state().removeElements(['payment'], []);
    const doc = state().document;
    expect(doc.edges.some((e) => e.source === 'payment' || e.target === 'payment')).toBe(false);
    const order = doc.nodes.find((n) => n.id === 'order');
    expect(JSON.stringify(order)).not.toContain('"payment"');
    expect(validateDocument(doc).ok).toBe(true);
  });

  it('refuses a second edge between the same two nodes', () => {
    expect(state().link('client', 'gateway')).toEqual({
      ok: false,
      reason: 'Shoppers already links to API gateway.',
    });
    expect(
      state().document.edges.filter((e) => e.source === 'client' && e.target === 'gateway'),
    ).toHaveLength(1);
  });

  it('a new link and the route it adds are one undo step', () => {
    const id = state().addNode('service', { x: 0, y: 0 }, 'User service');
    const before = state().document;
    expect(state().link('gateway', id)).toMatchObject({ ok: true, edgeId: `gateway-${id}` });
    const gateway = state().document.nodes.find((n) => n.id === 'gateway');
    expect(gateway?.kind === 'gateway' && gateway.config.routes.map((r) => r.pathPrefix)).toEqual([
      '/orders',
      '/users',
    ]);
    undo();
    expect(state().document).toBe(before);
  });

  it('pastes copies with fresh ids so the document stays valid', () => {
    const doc = state().document;
    const fragment = {
      nodes: doc.nodes.filter((n) => n.id === 'order' || n.id === 'payment'),
      edges: doc.edges.filter((e) => e.id === 'order-payment'),
    };
    const copy = state().pasteFragment(fragment, { x: 32, y: 32 });
    expect(copy.nodes.map((n) => n.id)).not.toContain('order');
    expect(state().document.nodes).toHaveLength(doc.nodes.length + 2);
    expect(validateDocument(state().document).ok).toBe(true);
  });

  it('replacing the whole document is one undoable step', () => {
    const before = state().document;
    state().replaceDocument({ ...before, name: 'Other', nodes: [], edges: [] });
    expect(state().document.nodes).toHaveLength(0);
    undo();
    expect(state().document).toBe(before);
  });
});
