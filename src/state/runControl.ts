import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ArchDocument, Fault } from '../core/model/schema';
import type { Speed } from '../worker/protocol';
import { documentStore } from './documentStore';
import { liveStore } from './liveStore';
import { workerBridge } from './workerBridge';

/** The document last loaded into the worker: a run belongs to it until the next load. */
const loadedStore = createStore<{ document: ArchDocument | null }>()(() => ({ document: null }));
let loading: Promise<boolean> | null = null;

/**
 * Whether two documents simulate the same system. Moving a node changes the document's identity but
 * not what runs, so positions are ignored; everything else is compared by reference, which the
 * immutable document store keeps stable for untouched parts.
 */
export function simulatesSame(a: ArchDocument | null, b: ArchDocument | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.edges !== b.edges || a.scenario !== b.scenario || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i]!;
    return n === m || (n.id === m.id && n.kind === m.kind && n.config === m.config);
  });
}

/** True when the design was edited since the running simulation was loaded. */
export function isLoadedStale(): boolean {
  const loaded = loadedStore.getState().document;
  return loaded !== null && !simulatesSame(loaded, documentStore.getState().document);
}

/** The document the current run was loaded from (null before the first load). */
export function useLoadedDocument(): ArchDocument | null {
  return useStore(loadedStore, (s) => s.document);
}

/** Loads the current document unless the worker already runs it; false when the worker refused it. */
export function ensureLoaded(force = false): Promise<boolean> {
  const doc = documentStore.getState().document;
  const live = liveStore.getState();
  if (!force && live.layout && simulatesSame(loadedStore.getState().document, doc))
    return Promise.resolve(true);
  loading ??= (async () => {
    try {
      const result = await workerBridge.load(doc);
      if (result.ok) {
        loadedStore.setState({ document: doc });
        workerBridge.setSpeed(liveStore.getState().speed);
      }
      return result.ok;
    } catch (error) {
      liveStore
        .getState()
        .setLoadErrors([{ path: '', message: error instanceof Error ? error.message : String(error) }]);
      return false;
    } finally {
      loading = null;
    }
  })();
  return loading;
}

function runStatus() {
  return liveStore.getState().frame?.status ?? 'idle';
}

/** Run: loads the design first when it changed (or when the last run finished), then starts. */
export async function runSimulation(): Promise<void> {
  const status = runStatus();
  // Resuming a paused run keeps it; a fresh start picks up every edit.
  const mustReload = status === 'done' || (status === 'idle' && isLoadedStale());
  if (!(await ensureLoaded(mustReload))) return;
  workerBridge.run();
}

export function pauseSimulation(): void {
  workerBridge.pause();
}

/** Executes one engine event (loading first if needed). */
export async function stepEvent(): Promise<void> {
  if (await ensureLoaded(runStatus() === 'done')) workerBridge.step(1);
}

/** Runs to the next request span; resolves with the node the request reached. */
export async function stepSpan(): Promise<string | null> {
  if (!(await ensureLoaded(runStatus() === 'done'))) return null;
  return workerBridge.stepToNextSpan();
}

/** Back to time zero; picks up edits made since the last load. */
export async function resetSimulation(): Promise<void> {
  if (isLoadedStale() || !liveStore.getState().layout) {
    liveStore.getState().resetRun();
    await ensureLoaded(true);
    return;
  }
  workerBridge.reset();
}

export function setSimulationSpeed(speed: Speed): void {
  workerBridge.setSpeed(speed);
}

/** Applies a fault to the running simulation now (loading it first if nothing runs). */
export async function injectFault(fault: Fault): Promise<void> {
  if (await ensureLoaded()) workerBridge.inject(fault);
}

/** Forgets the loaded document (tests). */
export function forgetLoadedDocument(): void {
  loadedStore.setState({ document: null });
}
