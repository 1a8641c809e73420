import { type ArchDocument, type Lesson, LessonCheckRun, type LessonOutcome, lessonTasks } from '../core';

/** How a check reads wall time, yields to the worker's event loop and reports progress. */
export interface CheckHooks {
  nowMs(): number;
  /** Runs `fn` soon, after pending messages. */
  yieldThen(fn: () => void): void;
  /** The share of the check done (0 to 1), at most every PROGRESS_INTERVAL_MS and once at the end. */
  onProgress(share: number): void;
}

/** Engine events per slice: a few milliseconds of work between two yields. */
const EVENTS_PER_SLICE = 20_000;
const PROGRESS_INTERVAL_MS = 150;

/**
 * Checks a design against a lesson a slice at a time (`LessonCheckRun`), yielding between slices
 * and reporting progress, so the worker stays responsive; the verdict is the one `checkLesson` gives.
 */
export function checkInSlices(
  lesson: Lesson,
  design: ArchDocument,
  hooks: CheckHooks,
): Promise<LessonOutcome> {
  const planned = lessonTasks(lesson, design);
  if (!planned.ok) return Promise.resolve(planned);
  const run = new LessonCheckRun(lesson, planned.tasks);
  let reportedAt = Number.NEGATIVE_INFINITY;
  return new Promise((resolve, reject) => {
    const slice = () => {
      try {
        run.advance(EVENTS_PER_SLICE);
        if (run.done) {
          hooks.onProgress(1);
          resolve({ ok: true, verdict: run.verdict() });
          return;
        }
        const now = hooks.nowMs();
        if (now - reportedAt >= PROGRESS_INTERVAL_MS) {
          reportedAt = now;
          hooks.onProgress(run.progress);
        }
        hooks.yieldThen(slice);
      } catch (error) {
        reject(error);
      }
    };
    slice();
  });
}
