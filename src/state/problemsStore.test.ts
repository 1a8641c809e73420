import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDefaultDocument } from './defaultDocument';
import { documentStore, loadDocumentFresh, undo } from './documentStore';
import { applyFix, problemsStore } from './problemsStore';

const problems = () => problemsStore.getState().problems.map((p) => p.id);

describe('problemsStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    loadDocumentFresh(createDefaultDocument());
    vi.runAllTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('the default design has no problem', () => {
    expect(problems()).toEqual([]);
    expect(problemsStore.getState().analysis?.findings.length).toBeGreaterThan(0);
  });

  it('reruns a moment after an edit, not on every edit, and marks the card the problem names', () => {
    const { setNodeConfig, document } = documentStore.getState();
    const gateway = document.nodes.find((n) => n.id === 'gateway');
    if (gateway?.kind !== 'gateway') throw new Error('no gateway');
    setNodeConfig('gateway', { ...gateway.config, routes: [] });
    expect(problems()).toEqual([]);
    vi.runAllTimers();
    expect(problems()).toEqual(['unserved-noRoute:gateway/POST /orders', 'unused-link:gateway-order']);
    expect(problemsStore.getState().marks.get('gateway')?.severity).toBe('critical');
  });

  it('a move alone does not rerun the analysis, an edit after it does', () => {
    const before = problemsStore.getState();
    documentStore.getState().moveNodes([{ id: 'gateway', position: { x: 999, y: 999 } }]);
    vi.runAllTimers();
    expect(problemsStore.getState()).toBe(before);
    documentStore.getState().renameNode('gateway', 'Edge gateway');
    vi.runAllTimers();
    expect(problemsStore.getState().document).toBe(documentStore.getState().document);
  });

  it('a fix is one undoable change of the document', () => {
    const gateway = documentStore.getState().document.nodes.find((n) => n.id === 'gateway');
    if (gateway?.kind !== 'gateway') throw new Error('no gateway');
    documentStore.getState().setNodeConfig('gateway', { ...gateway.config, routes: [] });
    vi.runAllTimers();
    const [fix] = problemsStore.getState().problems[0]!.fixes;
    expect(fix?.label).toBe('Route to Order service');
    documentStore.getState().applyChange(fix!.change);
    vi.runAllTimers();
    expect(problems()).toEqual([]);
    undo();
    vi.runAllTimers();
    expect(problems()).toHaveLength(2);
  });

  it('a fix clicked before the rerun is computed from the current document, keeping the newer edit', () => {
    const gateway = () => {
      const g = documentStore.getState().document.nodes.find((n) => n.id === 'gateway');
      if (g?.kind !== 'gateway') throw new Error('no gateway');
      return g;
    };
    documentStore.getState().removeElements([], ['gateway-order']);
    vi.runAllTimers();
    expect(problems()).toContain('unlinked-reference:gateway/routes/0');
    // An edit of the same node, then its fix (a whole new config), before the debounced rerun.
    documentStore.getState().setNodeConfig('gateway', { ...gateway().config, instances: 5 });
    applyFix('unlinked-reference:gateway/routes/0', 'Remove the route');
    expect(gateway().config.instances).toBe(5);
    expect(gateway().config.routes).toEqual([]);
  });
});
