import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Life of the simulation worker as the UI shows it. */
export type WorkerStatus = 'starting' | 'ready' | 'running' | 'paused' | 'crashed' | 'restarting';

export interface LiveState {
  workerStatus: WorkerStatus;
  /** Last worker failure, kept until the next successful start so the UI can explain a restart. */
  workerError: string | null;
  /** How many times the worker was restarted after a crash in this page's life. */
  workerRestarts: number;
}

/** Live (non-undoable, non-persisted) state fed by the worker bridge. */
export const liveStore = createStore<LiveState>()(() => ({
  workerStatus: 'starting',
  workerError: null,
  workerRestarts: 0,
}));

const selectWorkerStatus = (s: LiveState) => s.workerStatus;
const selectWorkerError = (s: LiveState) => s.workerError;

export const useWorkerStatus = (): WorkerStatus => useStore(liveStore, selectWorkerStatus);
export const useWorkerError = (): string | null => useStore(liveStore, selectWorkerError);
