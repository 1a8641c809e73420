import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { WalkthroughStepResult } from '../worker/protocol';
import { liveStore } from './liveStore';
import { setSelection } from './sessionStore';
import { ensureLoaded, loadWalkthrough, walkthroughStep } from './simSession';

type WalkthroughStatus = 'off' | 'loading' | 'ready' | 'stepping' | 'done' | 'error';

export interface WalkthroughState {
  status: WalkthroughStatus;
  /** Every step taken since the start, oldest first (spans kept only on the latest). */
  steps: WalkthroughStepResult[];
  /** The run the walkthrough belongs to; another run (a reload, a crash) ends the walkthrough. */
  runId: number | null;
  error: string | null;
}

const initial: WalkthroughState = { status: 'off', steps: [], runId: null, error: null };

/**
 * The order walkthrough: which hops were shown so far. Not undoable, not saved. The camera follows
 * it from the UI (see ui/walkthrough/walkthroughCamera.ts), by watching this store.
 */
export const walkthroughStore = createStore<WalkthroughState>()(() => initial);

export function useWalkthrough<T>(selector: (s: WalkthroughState) => T): T {
  return useStore(walkthroughStore, selector);
}

let unwatch: (() => void) | null = null;

/** Ends the walkthrough when the worker moves on to another run (Run pressed, design reloaded, crash). */
function watchRun(): void {
  unwatch?.();
  unwatch = liveStore.subscribe((s) => {
    const { runId, status } = walkthroughStore.getState();
    if (status === 'off' || status === 'loading' || runId === null) return;
    if (s.layout?.runId !== runId) {
      unwatch?.();
      unwatch = null;
      walkthroughStore.setState(initial);
    }
  });
}

/**
 * Loads the current design as a walkthrough (one request from the first client at time zero) and
 * shows the empty narrative; also the "back to start" action.
 */
export async function startWalkthrough(): Promise<void> {
  if (walkthroughStore.getState().status === 'loading') return;
  walkthroughStore.setState({ ...initial, status: 'loading' });
  setSelection([], []);
  try {
    const result = await loadWalkthrough();
    if (!result.ok) {
      walkthroughStore.setState({
        ...initial,
        status: 'error',
        error: 'The simulation refused this design.',
      });
      return;
    }
    walkthroughStore.setState({ status: 'ready', steps: [], runId: result.layout.runId, error: null });
    watchRun();
  } catch (error) {
    walkthroughStore.setState({ ...initial, status: 'error', error: String(error) });
  }
}

/** Shows the next hop; does nothing while a step is in flight or after the last one. */
export async function nextHop(): Promise<void> {
  const s = walkthroughStore.getState();
  if (s.status !== 'ready') return;
  walkthroughStore.setState({ status: 'stepping' });
  const result = await walkthroughStep();
  const now = walkthroughStore.getState();
  // The walkthrough may have been left or restarted while the step ran.
  if (now.status !== 'stepping' || now.runId !== s.runId) return;
  if (!result) {
    walkthroughStore.setState({ status: 'error', error: 'The simulation did not answer.' });
    return;
  }
  const steps = now.steps.map((step) => (step.spans.length > 0 ? { ...step, spans: [] } : step));
  steps.push(result);
  walkthroughStore.setState({ steps, status: result.done ? 'done' : 'ready' });
}

/** Leaves the walkthrough and reloads the design as an ordinary run at time zero. */
export async function exitWalkthrough(): Promise<void> {
  unwatch?.();
  unwatch = null;
  walkthroughStore.setState(initial);
  await ensureLoaded(true);
}
