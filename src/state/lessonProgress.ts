import type { StorageLike } from './persistence';

/** Where the app keeps the learner's progress through the lessons. */
export const LESSONS_KEY = 'archplay.lessons';

/** The learner's progress, as stored (a reload keeps it). */
export interface LessonProgress {
  /** Ids of the lessons passed. */
  done: string[];
  /** How many hints of each lesson the learner has opened. */
  hints: Record<string, number>;
  /** The lesson open beside the canvas, if any. */
  active: string | null;
  /** The Recent copy of the learner's own design, set aside when the first lesson opened. */
  returnTo: string | null;
}

export const noProgress: LessonProgress = { done: [], hints: {}, active: null, returnTo: null };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Reads the progress; anything missing or malformed counts as no progress for that part. */
export function readProgress(storage: StorageLike): LessonProgress {
  let value: unknown;
  try {
    value = JSON.parse(storage.getItem(LESSONS_KEY) ?? 'null');
  } catch {
    return noProgress;
  }
  if (!isRecord(value)) return noProgress;
  const done = Array.isArray(value.done) ? value.done.filter((d): d is string => typeof d === 'string') : [];
  const hints: Record<string, number> = {};
  if (isRecord(value.hints))
    for (const [id, n] of Object.entries(value.hints))
      if (typeof n === 'number' && Number.isInteger(n) && n > 0) hints[id] = n;
  return { done, hints, active: stringOrNull(value.active), returnTo: stringOrNull(value.returnTo) };
}

/** Writes the progress; false when the storage refused it (full, or blocked). */
export function writeProgress(storage: StorageLike, progress: LessonProgress): boolean {
  try {
    storage.setItem(LESSONS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}
