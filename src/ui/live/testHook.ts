import type { ArchDocument } from '../../core/model/schema';
import { formatIssue, validateDocument } from '../../core/model/validate';
import { documentStore } from '../../state/documentStore';
import { clearFrameTimings, type LiveStatsSnapshot, liveStats } from '../../state/frameTiming';
import { liveStore } from '../../state/liveStore';
import { crashWorkerForTest, fetchSummary } from '../../state/simSession';
import { fitViewSoon } from '../canvas/flowControls';

/**
 * `window.__archplay`: a small hook for end-to-end tests and the browser bench, present in every
 * build. It can only do what a person can (open a diagram, crash the worker like a bug would) and
 * read what the page measures about itself.
 *
 * - `crashWorker()` makes the simulation worker throw, to exercise crash recovery.
 * - `liveStats()` returns frames received, main-thread handling time per frame and render counts.
 * - `clearStats()` forgets the frame timings (before a measured window).
 * - `openDocument(json)` validates and opens a diagram as an undoable replacement; returns errors.
 * - `runStatus()` is the latest frame's status and simulated time.
 * - `summary()` is the worker's run summary, the same JSON `archplay run --json` prints.
 */
interface ArchplayTestHook {
  crashWorker(): void;
  liveStats(): LiveStatsSnapshot;
  clearStats(): void;
  openDocument(json: unknown): { ok: boolean; errors: string[] };
  runStatus(): { status: string; nowMs: number; worker: string };
  summary(): Promise<unknown>;
}

declare global {
  interface Window {
    __archplay?: ArchplayTestHook;
  }
}

function installTestHook(): void {
  window.__archplay = {
    crashWorker: crashWorkerForTest,
    liveStats,
    clearStats: clearFrameTimings,
    openDocument: (json) => {
      const result = validateDocument(json);
      if (!result.ok) return { ok: false, errors: result.errors.map(formatIssue) };
      documentStore.getState().replaceDocument(result.document as ArchDocument);
      fitViewSoon();
      return { ok: true, errors: [] };
    },
    runStatus: () => {
      const s = liveStore.getState();
      return { status: s.frame?.status ?? 'idle', nowMs: s.frame?.nowMs ?? 0, worker: s.workerStatus };
    },
    summary: fetchSummary,
  };
}

/** Live-run start-up: the test hook, and a speed at which a run can be watched (10x real time). */
export function initLive(): void {
  installTestHook();
  // The worker learns the speed with the first load of a run.
  liveStore.getState().setSpeed(10);
}
