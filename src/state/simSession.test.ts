import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArchDocument } from '../core/model/schema';
import type { LoadResult } from '../worker/protocol';
import { createDefaultDocument } from './defaultDocument';
import { documentStore, loadDocumentFresh } from './documentStore';
import { liveStore } from './liveStore';

/** A stand-in for the worker: records what it was asked to load and answers like the real bridge. */
const bridge = vi.hoisted(() => {
  const loads: { document: unknown; as: 'run' | 'walkthrough' }[] = [];
  let runId = 0;
  let refuse = false;
  const answer = async (document: unknown, as: 'run' | 'walkthrough'): Promise<LoadResult> => {
    loads.push({ document, as });
    if (refuse) return { ok: false, errors: [{ path: 'nodes', message: 'refused' }] };
    return { ok: true, layout: { runId: ++runId, nodeIds: [], edgeIds: [], durationMs: 1000, seed: 1 } };
  };
  return {
    loads,
    refuseNext: (value: boolean) => {
      refuse = value;
    },
    workerBridge: {
      restore: null as null | (() => Promise<unknown>),
      load: (document: unknown) => answer(document, 'run'),
      loadWalkthrough: (document: unknown) => answer(document, 'walkthrough'),
      setSpeed: () => {},
      run: () => {},
    },
  };
});
vi.mock('./workerBridge', () => ({ workerBridge: bridge.workerBridge }));

const { ensureLoaded, loadWalkthrough, runSimulation } = await import('./simSession');

/** The live store learns of a load from the real bridge; here the test tells it. */
async function loadAndBegin(load: () => Promise<unknown>): Promise<void> {
  await load();
  liveStore.getState().beginRun({ runId: 99, nodeIds: [], edgeIds: [], durationMs: 1000, seed: 1 });
}

const moved = (doc: ArchDocument): ArchDocument => ({
  ...doc,
  nodes: doc.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: n.position.x + 40, y: 0 } } : n)),
});

describe('the simulation session', () => {
  beforeEach(() => {
    bridge.loads.length = 0;
    bridge.refuseNext(false);
    loadDocumentFresh(createDefaultDocument());
    liveStore.getState().resetRun();
  });

  it('loads the design once, and not again when only a node moved', async () => {
    await loadAndBegin(() => ensureLoaded(true));
    documentStore.setState({ document: moved(documentStore.getState().document) });
    expect(await ensureLoaded()).toBe(true);
    expect(bridge.loads).toHaveLength(1);
  });

  it('reloads on Run after a walkthrough, which left a one-request model in the worker', async () => {
    await loadAndBegin(() => ensureLoaded(true));
    await loadAndBegin(loadWalkthrough);
    await runSimulation();
    expect(bridge.loads.map((l) => l.as)).toEqual(['run', 'walkthrough', 'run']);
  });

  it('gives a restarted worker the document the crashed one ran, as a plain run', async () => {
    await loadAndBegin(() => ensureLoaded(true));
    const accepted = documentStore.getState().document;
    documentStore.setState({ document: moved(accepted) });
    await bridge.workerBridge.restore?.();
    expect(bridge.loads.at(-1)).toEqual({ document: accepted, as: 'run' });
  });

  it('keeps the last accepted document when the worker refuses a new one', async () => {
    await loadAndBegin(() => ensureLoaded(true));
    const accepted = documentStore.getState().document;
    bridge.refuseNext(true);
    documentStore.getState().renameNode('client', 'Renamed');
    expect(await ensureLoaded(true)).toBe(false);
    bridge.refuseNext(false);
    await bridge.workerBridge.restore?.();
    expect(bridge.loads.at(-1)?.document).toBe(accepted);
  });
});
