import { describe, expect, it } from 'vitest';
import { LESSONS_KEY, type LessonProgress, noProgress, readProgress, writeProgress } from './lessonProgress';
import type { StorageLike } from './persistence';

function memory(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

describe('lesson progress in storage', () => {
  it('reads back what it wrote', () => {
    const storage = memory();
    const progress: LessonProgress = {
      done: ['redundancy'],
      hints: { canary: 2 },
      active: 'canary',
      returnTo: 'r1',
    };
    expect(writeProgress(storage, progress)).toBe(true);
    expect(readProgress(storage)).toEqual(progress);
  });

  it('counts nothing stored, or text that is not JSON, as no progress', () => {
    expect(readProgress(memory())).toEqual(noProgress);
    expect(readProgress(memory({ [LESSONS_KEY]: '{ nope' }))).toEqual(noProgress);
  });

  it('keeps the sound parts of a malformed record and drops the rest', () => {
    const stored = JSON.stringify({ done: ['a', 3, 'b'], hints: { a: 1, b: -1, c: 'x' }, active: 5 });
    expect(readProgress(memory({ [LESSONS_KEY]: stored }))).toEqual({
      done: ['a', 'b'],
      hints: { a: 1 },
      active: null,
      returnTo: null,
    });
  });

  it('says so when the storage refuses the write', () => {
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(writeProgress(full, noProgress)).toBe(false);
  });
});
