import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeDocument } from '../core/model/validate';
import { createDefaultDocument } from './defaultDocument';
import { AUTOSAVE_KEY, readAutosave, startAutosave } from './persistence';
import { testStorage } from './testStorage';

function fakeSource(doc = createDefaultDocument()) {
  let state = { document: doc };
  const listeners = new Set<(s: typeof state, p: typeof state) => void>();
  return {
    getState: () => state,
    subscribe: (l: (s: typeof state, p: typeof state) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set: (document: typeof doc) => {
      const prev = state;
      state = { document };
      for (const l of listeners) l(state, prev);
    },
  };
}

const broken = '{"format":"archplay", broken';
const newer = JSON.stringify({ ...createDefaultDocument(), version: 99 });

describe('readAutosave', () => {
  it('reports nothing saved when the key is absent', () => {
    expect(readAutosave(testStorage(), 's').kind).toBe('none');
  });

  it('restores a saved document, with its exact text', () => {
    const text = serializeDocument(createDefaultDocument());
    const result = readAutosave(testStorage({ [AUTOSAVE_KEY]: text }), 's');
    expect(result).toMatchObject({ kind: 'ok', text, document: { name: createDefaultDocument().name } });
  });

  it('moves an unreadable save to a key of its own instead of deleting it', () => {
    const storage = testStorage({ [AUTOSAVE_KEY]: broken });
    const result = readAutosave(storage, 'stamp1');
    expect(result).toMatchObject({ kind: 'unreadable', keptAs: 'archplay.document.corrupt.stamp1' });
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
    expect(storage.data.get('archplay.document.corrupt.stamp1')).toBe(broken);
    expect(result.kind === 'unreadable' && result.errors.length).toBeGreaterThan(0);
  });

  it('treats a save from a newer build as unreadable, naming the version', () => {
    const result = readAutosave(testStorage({ [AUTOSAVE_KEY]: newer }), 's');
    expect(result.kind).toBe('unreadable');
    expect(result.kind === 'unreadable' && result.errors[0]?.path).toBe('version');
  });

  it('leaves an unreadable save under the autosave key, and says it was not kept, when the copy cannot be written', () => {
    const storage = testStorage({ [AUTOSAVE_KEY]: broken }, AUTOSAVE_KEY.length + broken.length + 10);
    const result = readAutosave(storage, 'stamp1');
    expect(result).toMatchObject({ kind: 'unreadable', keptAs: null, text: broken });
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(broken);
    expect([...storage.data.keys()]).toEqual([AUTOSAVE_KEY]);
  });
});

describe('startAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once after a burst of changes, not per change', () => {
    const storage = testStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const source = fakeSource();
    startAutosave(source, storage, { delayMs: 500 });
    const doc = source.getState().document;
    source.set({ ...doc, name: 'a' });
    source.set({ ...doc, name: 'ab' });
    source.set({ ...doc, name: 'abc' });
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!).name).toBe('abc');
  });

  it('flush writes a pending change immediately, and nothing when nothing changed', () => {
    const storage = testStorage();
    const source = fakeSource();
    const autosave = startAutosave(source, storage, { delayMs: 500 });
    autosave.flush();
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
    source.set({ ...source.getState().document, name: 'now' });
    autosave.flush();
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!).name).toBe('now');
  });

  it('saveSoon writes the current document without a change', () => {
    const storage = testStorage();
    const autosave = startAutosave(fakeSource(), storage, { delayMs: 500 });
    autosave.saveSoon();
    vi.advanceTimersByTime(500);
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(true);
  });

  it('writes nothing while paused, and the pending change on the flush after the pause', () => {
    const storage = testStorage({ [AUTOSAVE_KEY]: broken });
    let paused = true;
    const source = fakeSource();
    const autosave = startAutosave(source, storage, { delayMs: 10, isPaused: () => paused });
    source.set({ ...source.getState().document, name: 'edited' });
    vi.advanceTimersByTime(1000);
    autosave.flush();
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(broken);
    paused = false;
    autosave.flush();
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!).name).toBe('edited');
  });

  it('reports a failing storage once instead of throwing into the editor', () => {
    const storage = testStorage();
    storage.setItem = () => {
      throw new Error('quota exceeded');
    };
    const onError = vi.fn();
    const source = fakeSource();
    startAutosave(source, storage, { delayMs: 10, onError });
    source.set({ ...source.getState().document, name: 'x' });
    vi.advanceTimersByTime(10);
    source.set({ ...source.getState().document, name: 'y' });
    vi.advanceTimersByTime(10);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith('quota exceeded');
  });
});
