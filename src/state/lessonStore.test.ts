import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lesson, LessonOutcome } from '../core/lessons';
import { createDefaultDocument } from './defaultDocument';
import { documentStore, loadDocumentFresh } from './documentStore';
import { LESSONS_KEY, readProgress } from './lessonProgress';
import { initRecent } from './recentStore';
import { type TestStorage, testStorage } from './testStorage';

/** The check's worker, played by the test: it answers, then sends a late progress message. */
const worker = vi.hoisted(() => ({
  outcome: null as LessonOutcome | null,
  lateShare: null as number | null,
}));

vi.mock('./lessonChecker', () => ({
  cancelLessonCheck: () => {},
  checkLessonInWorker: async (_l: unknown, _d: unknown, onProgress: (share: number) => void) => {
    onProgress(0.5);
    const outcome = worker.outcome!;
    if (worker.lateShare !== null) {
      const share = worker.lateShare;
      queueMicrotask(() => queueMicrotask(() => onProgress(share)));
    }
    return outcome;
  },
}));

const named = (name: string) => ({ ...createDefaultDocument(), name });
const lesson = { id: 'redundancy', hints: ['a', 'b'], starter: named('starter') } as unknown as Lesson;

vi.mock('./lessonFiles', () => ({
  fetchLesson: async (id: string) =>
    id === 'redundancy' ? { ok: true, lesson } : { ok: false, message: `lessons/${id}.json: HTTP 404` },
  fetchLessonIndex: async () => ({ ok: true, lessons: [] }),
}));

const { backToMyDesign, checkDesign, initLessons, lessonStore, openLesson, showNextHint } = await import(
  './lessonStore'
);

const passed: LessonOutcome = { ok: true, verdict: { ok: true, seeds: [1], checks: [] } };
let storage: TestStorage;

beforeEach(() => {
  storage = testStorage();
  initRecent(storage);
  initLessons(storage);
  loadDocumentFresh(named('mine'));
  worker.outcome = passed;
  worker.lateShare = null;
});

describe('lessons in the app', () => {
  it("opens a lesson's starter in place of the design, which Recent keeps to come back to", async () => {
    expect((await openLesson('redundancy')).ok).toBe(true);
    expect(documentStore.getState().document.name).toBe('starter');
    const progress = readProgress(storage);
    expect(progress.active).toBe('redundancy');
    expect(progress.returnTo).not.toBeNull();
    expect(backToMyDesign()).toEqual({ ok: true, name: 'mine' });
    expect(documentStore.getState().document.name).toBe('mine');
    expect(readProgress(storage).active).toBeNull();
  });

  it('keeps the first design to return to when a second lesson opens from the first', async () => {
    await openLesson('redundancy');
    const first = readProgress(storage).returnTo;
    documentStore.getState().replaceDocument(named('edited starter'));
    await openLesson('redundancy');
    expect(readProgress(storage).returnTo).toBe(first);
  });

  it('leaves the design alone when the lesson cannot be read', async () => {
    expect(await openLesson('nope')).toEqual({ ok: false, message: 'lessons/nope.json: HTTP 404' });
    expect(documentStore.getState().document.name).toBe('mine');
  });

  it('records a pass in storage, and a progress message that arrives after the verdict does not undo it', async () => {
    await openLesson('redundancy');
    worker.lateShare = 0.99;
    await checkDesign();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(readProgress(storage).done).toEqual(['redundancy']);
    expect(JSON.parse(storage.getItem(LESSONS_KEY)!).done).toEqual(['redundancy']);
    expect(lessonStore.getState().check).toEqual({ status: 'done', outcome: passed });
  });

  it('opens hints one at a time, no further than the last', async () => {
    await openLesson('redundancy');
    showNextHint();
    showNextHint();
    showNextHint();
    expect(readProgress(storage).hints).toEqual({ redundancy: 2 });
  });
});
