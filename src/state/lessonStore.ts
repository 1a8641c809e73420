import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Lesson, LessonOutcome } from '../core/lessons';
import { documentStore } from './documentStore';
import { cancelLessonCheck, checkLessonInWorker } from './lessonChecker';
import { fetchLesson, fetchLessonIndex, type IndexEntry } from './lessonFiles';
import { type LessonProgress, noProgress, readProgress, writeProgress } from './lessonProgress';
import type { StorageLike } from './persistence';
import { replaceDocument, restoreRecent } from './recentStore';

export type CheckState =
  | { status: 'idle' }
  | { status: 'running'; share: number }
  | { status: 'done'; outcome: LessonOutcome }
  | { status: 'failed'; message: string };

type IndexState =
  | { status: 'loading' }
  | { status: 'ok'; lessons: IndexEntry[] }
  | { status: 'failed'; message: string };

interface LessonState {
  index: IndexState;
  progress: LessonProgress;
  /** The lesson open beside the canvas. */
  lesson: Lesson | null;
  check: CheckState;
}

/** The lessons' state; the UI reads it through {@link useLessons}. */
export const lessonStore = createStore<LessonState>()(() => ({
  index: { status: 'loading' },
  progress: noProgress,
  lesson: null,
  check: { status: 'idle' },
}));

let storage: StorageLike | null = null;

function saveProgress(change: Partial<LessonProgress>): void {
  const progress = { ...lessonStore.getState().progress, ...change };
  lessonStore.setState({ progress });
  if (storage) writeProgress(storage, progress);
}

/**
 * Reads the learner's progress (localStorage in the app) and reopens the lesson that was open,
 * beside the design autosave brought back.
 */
export function initLessons(target: StorageLike): void {
  storage = target;
  const progress = readProgress(target);
  lessonStore.setState({ progress });
  const active = progress.active;
  if (active !== null)
    void fetchLesson(active).then((loaded) => {
      if (loaded.ok && lessonStore.getState().progress.active === active)
        lessonStore.setState({ lesson: loaded.lesson });
    });
}

/** Reads the learning path (again after a failure). */
export async function loadLessonIndex(): Promise<void> {
  if (lessonStore.getState().index.status === 'ok') return;
  lessonStore.setState({ index: { status: 'loading' } });
  const read = await fetchLessonIndex();
  lessonStore.setState({
    index: read.ok ? { status: 'ok', lessons: read.lessons } : { status: 'failed', message: read.message },
  });
}

/**
 * Opens a lesson: its starter replaces the design, which goes to Recent first (the first time, so
 * "Back to my design" returns to the learner's own design, not to another lesson's).
 */
export async function openLesson(
  id: string,
): Promise<{ ok: true; lesson: Lesson } | { ok: false; message: string }> {
  const loaded = await fetchLesson(id);
  if (!loaded.ok) return loaded;
  cancelLessonCheck();
  const wasInLesson = lessonStore.getState().lesson !== null;
  const kept = replaceDocument(loaded.lesson.starter, 'lesson');
  lessonStore.setState({ lesson: loaded.lesson, check: { status: 'idle' } });
  saveProgress({ active: id, returnTo: wasInLesson ? lessonStore.getState().progress.returnTo : kept });
  return loaded;
}

/** Leaves the lesson; the design on the canvas stays. */
export function closeLesson(): void {
  cancelLessonCheck();
  lessonStore.setState({ lesson: null, check: { status: 'idle' } });
  saveProgress({ active: null, returnTo: null });
}

/** Leaves the lesson and puts the learner's own design back (from Recent). */
export function backToMyDesign(): { ok: true; name: string } | { ok: false; message: string } {
  const returnTo = lessonStore.getState().progress.returnTo;
  if (returnTo === null)
    return { ok: false, message: 'Your design was not set aside: it is in File → Recent, if anywhere.' };
  const restored = restoreRecent(returnTo);
  if (restored.ok) closeLesson();
  return restored;
}

/** Opens the next hint of the open lesson. */
export function showNextHint(): void {
  const { lesson, progress } = lessonStore.getState();
  if (lesson === null) return;
  const shown = progress.hints[lesson.id] ?? 0;
  if (shown < lesson.hints.length) saveProgress({ hints: { ...progress.hints, [lesson.id]: shown + 1 } });
}

/** Checks the design on the canvas against the open lesson, in a worker; a pass is kept as progress. */
export async function checkDesign(): Promise<void> {
  const lesson = lessonStore.getState().lesson;
  if (lesson === null) return;
  const design = documentStore.getState().document;
  lessonStore.setState({ check: { status: 'running', share: 0 } });
  const stillOurs = () => lessonStore.getState().lesson === lesson;
  try {
    const outcome = await checkLessonInWorker(lesson, design, (share) => {
      // Progress comes on a port of its own, so it may arrive after the verdict: it never replaces one.
      if (stillOurs() && lessonStore.getState().check.status === 'running')
        lessonStore.setState({ check: { status: 'running', share } });
    });
    if (!stillOurs()) return;
    lessonStore.setState({ check: { status: 'done', outcome } });
    const { done } = lessonStore.getState().progress;
    if (outcome.ok && outcome.verdict.ok && !done.includes(lesson.id))
      saveProgress({ done: [...done, lesson.id] });
  } catch (error) {
    if (stillOurs()) lessonStore.setState({ check: { status: 'failed', message: String(error) } });
  }
}

export const useLessons = <T>(select: (s: LessonState) => T): T => useStore(lessonStore, select);
