import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ArchDocument, Fault } from '../core/model/schema';
import type {
  LoadResult,
  LogQuery,
  RunReport,
  Speed,
  StoredLogEntry,
  Trace,
  WalkthroughStepResult,
} from '../worker/protocol';
import { documentStore } from './documentStore';
import { liveStore } from './liveStore';
import { workerBridge } from './workerBridge';

/**
 * The simulation session: the one owner of what the worker has loaded, and the only way the UI
 * talks to the worker. Every panel, menu and button goes through the functions here; none reaches
 * the bridge (a lint rule keeps src/ui away from workerBridge.ts).
 */

/** What the worker runs: the document it last accepted, and whether as a run or a walkthrough. */
interface Loaded {
  document: ArchDocument;
  purpose: 'run' | 'walkthrough';
}

const loadedStore = createStore<{ loaded: Loaded | null }>()(() => ({ loaded: null }));
let loading: Promise<boolean> | null = null;

const runDocument = (loaded: Loaded | null): ArchDocument | null =>
  loaded?.purpose === 'run' ? loaded.document : null;

// A restarted worker has nothing loaded: give it back what the crashed one ran, as a plain run.
workerBridge.restore = async () => {
  const document = loadedStore.getState().loaded?.document;
  if (!document) return;
  const result = await workerBridge.load(document);
  if (result.ok) loadedStore.setState({ loaded: { document, purpose: 'run' } });
};

/** Starts the simulation worker (once, at boot). */
export function startSimWorker(): Promise<void> {
  return workerBridge.start();
}

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
function isLoadedStale(): boolean {
  const loaded = runDocument(loadedStore.getState().loaded);
  return loaded !== null && !simulatesSame(loaded, documentStore.getState().document);
}

/** The document the current run was loaded from (null before the first load and during a walkthrough). */
export function useLoadedDocument(): ArchDocument | null {
  return useStore(loadedStore, (s) => runDocument(s.loaded));
}

/** Loads the current document unless the worker already runs it; false when the worker refused it. */
export function ensureLoaded(force = false): Promise<boolean> {
  const doc = documentStore.getState().document;
  const live = liveStore.getState();
  if (!force && live.layout && simulatesSame(runDocument(loadedStore.getState().loaded), doc))
    return Promise.resolve(true);
  loading ??= (async () => {
    try {
      const result = await workerBridge.load(doc);
      if (result.ok) {
        loadedStore.setState({ loaded: { document: doc, purpose: 'run' } });
        workerBridge.setSpeed(liveStore.getState().speed);
      }
      return result.ok;
    } catch (error) {
      liveStore.getState().setLoadErrors([{ path: '', message: errorMessage(error) }]);
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

function pauseSimulation(): void {
  workerBridge.pause();
}

/** Pauses a running run, or runs (resuming a paused one): the Run button and the Space key. */
export async function toggleRun(): Promise<void> {
  if (runStatus() === 'running') pauseSimulation();
  else if (
    liveStore.getState().workerStatus !== 'crashed' &&
    liveStore.getState().workerStatus !== 'restarting'
  )
    await runSimulation();
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

/**
 * Applies a fault to the running simulation now (loading it first if nothing runs), and notes it
 * with the run's time so the canvas marks it while it is in force, as it marks the timeline's faults.
 */
export async function injectFault(fault: Fault): Promise<void> {
  if (!(await ensureLoaded())) return;
  workerBridge.inject(fault);
  const live = liveStore.getState();
  live.noteInjected(fault, live.frame?.nowMs ?? 0);
}

/**
 * Loads the current design as a walkthrough of one request. The worker then runs a one-request
 * model, so the next Run loads the design afresh.
 */
export async function loadWalkthrough(): Promise<LoadResult> {
  const document = documentStore.getState().document;
  const result = await workerBridge.loadWalkthrough(document);
  if (result.ok) loadedStore.setState({ loaded: { document, purpose: 'walkthrough' } });
  return result;
}

/** Advances the walkthrough to its next hop; null when the worker has no run or failed. */
export function walkthroughStep(): Promise<WalkthroughStepResult | null> {
  return workerBridge.walkthroughStep();
}

/** The run's summary, the same JSON `archplay run --json` prints. */
export function fetchSummary(): Promise<RunReport | null> {
  return workerBridge.summary();
}

/** The run's sampled request traces, oldest first. */
export function fetchTraces(): Promise<Trace[]> {
  return workerBridge.traces();
}

/** A query over the run's distributed log, answered newest first. */
export function queryLogs(query: LogQuery): Promise<StoredLogEntry[]> {
  return workerBridge.queryLogs(query);
}

/** Makes the worker throw, as a bug would (end-to-end tests of crash recovery). */
export function crashWorkerForTest(): void {
  workerBridge.crashForTest();
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
