import * as Comlink from 'comlink';
import type { ArchDocument } from '../core/model/schema';
import type { Lesson, LessonOutcome, LessonWorkerApi } from '../worker/protocol';

/** The check under way: its worker, and how to settle its promise when it is stopped. */
let current: { worker: Worker; reject: (error: Error) => void } | null = null;

/** Stops the check under way (its worker ends; its promise rejects). */
export function cancelLessonCheck(): void {
  if (current === null) return;
  const { worker, reject } = current;
  current = null;
  worker.terminate();
  reject(new Error('the check was stopped'));
}

/**
 * Checks a design against a lesson in a worker of its own (lesson.worker.ts), so neither the page
 * nor the live run's worker waits for it; `onProgress` hears the share done. One check at a time:
 * a new one stops the previous one.
 */
export function checkLessonInWorker(
  lesson: Lesson,
  design: ArchDocument,
  onProgress: (share: number) => void,
): Promise<LessonOutcome> {
  cancelLessonCheck();
  const worker = new Worker(new URL('../worker/lesson.worker.ts', import.meta.url), {
    type: 'module',
    name: 'archplay-lesson',
  });
  const api = Comlink.wrap<LessonWorkerApi>(worker);
  return new Promise<LessonOutcome>((resolve, reject) => {
    const entry = { worker, reject };
    current = entry;
    const finish = () => {
      if (current === entry) current = null;
      worker.terminate();
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      reject(new Error(event.message || 'the lesson check failed'));
    });
    api.check(lesson, design, Comlink.proxy(onProgress)).then(
      (outcome) => {
        finish();
        resolve(outcome);
      },
      (error: unknown) => {
        finish();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
