import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Fault } from '../core/model/schema';
import type { Frame, LogEntry, RunLayout, Speed, ValidationIssue } from '../worker/protocol';

/** Life of the simulation worker as the UI shows it. */
export type WorkerStatus = 'starting' | 'ready' | 'running' | 'paused' | 'done' | 'crashed' | 'restarting';

/** Chart history keeps at most this many frames; older ones are thinned, so a series never exceeds it. */
const HISTORY_LIMIT = 300;
/** The event log kept on the main thread (the worker keeps its own bounded log). */
const LOG_LIMIT = 5000;

export interface LiveState {
  workerStatus: WorkerStatus;
  /** Last worker failure; kept after the restart so the UI can say what happened. */
  workerError: string | null;
  /** How many times the worker was restarted after a crash in this page's life. */
  workerRestarts: number;
  layout: RunLayout | null;
  loadErrors: ValidationIssue[];
  speed: Speed;
  /** The latest frame of the current run (latest wins). */
  frame: Frame | null;
  /** Frames kept for charts, thinned to at most HISTORY_LIMIT entries. */
  history: Frame[];
  /** Keep one frame in `historyStride` (doubles each time the history is thinned). */
  historyStride: number;
  framesSeen: number;
  log: LogEntry[];
  /** Faults applied from a node's menu in this run, each with `atSec` set to when it was applied. */
  injected: Fault[];

  setWorkerStatus(status: WorkerStatus): void;
  setWorkerError(message: string): void;
  workerCrashed(message: string): void;
  beginRun(layout: RunLayout): void;
  setLoadErrors(errors: ValidationIssue[]): void;
  setSpeed(speed: Speed): void;
  resetRun(): void;
  applyFrame(frame: Frame): void;
  /** Records a fault applied to the running model at `nowMs` of simulated time. */
  noteInjected(fault: Fault, nowMs: number): void;
}

const emptyRun = {
  frame: null,
  history: [] as Frame[],
  historyStride: 1,
  framesSeen: 0,
  log: [] as LogEntry[],
  injected: [] as Fault[],
};

/** Live (non-undoable, non-persisted) state fed by the worker bridge. */
export const liveStore = createStore<LiveState>()((set, get) => ({
  workerStatus: 'starting',
  workerError: null,
  workerRestarts: 0,
  layout: null,
  loadErrors: [],
  speed: 'max',
  ...emptyRun,

  setWorkerStatus: (workerStatus) => set({ workerStatus }),
  setWorkerError: (workerError) => set({ workerError }),
  workerCrashed: (message) =>
    set((s) => ({
      workerStatus: 'crashed',
      workerError: message,
      workerRestarts: s.workerRestarts + 1,
      ...emptyRun,
    })),
  beginRun: (layout) => set({ layout, loadErrors: [], ...emptyRun, workerStatus: 'ready' }),
  setLoadErrors: (loadErrors) => set({ loadErrors }),
  setSpeed: (speed) => set({ speed }),
  resetRun: () => set({ ...emptyRun, workerStatus: get().workerStatus === 'crashed' ? 'crashed' : 'ready' }),
  noteInjected: (fault, nowMs) =>
    set((s) => ({ injected: [...s.injected, { ...fault, atSec: nowMs / 1000 }] })),

  applyFrame: (frame) => {
    const s = get();
    // Frames of an earlier run can still be in flight after a reset or a new load: drop them.
    if (!s.layout || frame.runId !== s.layout.runId) return;
    if (s.frame && frame.runId === s.frame.runId && frame.seq <= s.frame.seq) return;
    const framesSeen = s.framesSeen + 1;
    let history = s.history;
    let historyStride = s.historyStride;
    if (framesSeen % historyStride === 0 || frame.status === 'done') {
      history = [...history, frame];
      if (history.length > HISTORY_LIMIT) {
        history = history.filter((_, i) => i % 2 === 1 || i === history.length - 1);
        historyStride *= 2;
      }
    }
    let log = s.log;
    if (frame.log.length > 0) {
      log = log.concat(frame.log);
      if (log.length > LOG_LIMIT) log = log.slice(log.length - LOG_LIMIT);
    }
    const workerStatus =
      frame.status === 'running'
        ? 'running'
        : frame.status === 'done'
          ? 'done'
          : s.workerStatus === 'running'
            ? 'paused'
            : s.workerStatus;
    set({ frame, history, historyStride, framesSeen, log, workerStatus });
  },
}));

const selectWorkerStatus = (s: LiveState) => s.workerStatus;
const selectWorkerError = (s: LiveState) => s.workerError;
const selectWorkerRestarts = (s: LiveState) => s.workerRestarts;

export const useWorkerStatus = (): WorkerStatus => useStore(liveStore, selectWorkerStatus);
export const useWorkerError = (): string | null => useStore(liveStore, selectWorkerError);
export const useWorkerRestarts = (): number => useStore(liveStore, selectWorkerRestarts);
