import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeDocument } from '../core/model/validate';
import { createDefaultDocument } from './defaultDocument';
import { AUTOSAVE_KEY, readAutosave, type StorageLike, startAutosave } from './persistence';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

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

describe('readAutosave', () => {
  it('reports nothing saved when the key is absent', () => {
    expect(readAutosave(memoryStorage(), 's').kind).toBe('none');
  });

  it('restores a saved document', () => {
    const doc = createDefaultDocument();
    const result = readAutosave(memoryStorage({ [AUTOSAVE_KEY]: serializeDocument(doc) }), 's');
    expect(result.kind === 'ok' && result.document.name).toBe(doc.name);
  });

  it('moves a corrupt save aside under another key instead of deleting it', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: '{"format":"archplay", broken' });
    const result = readAutosave(storage, 'stamp1');
    expect(result.kind).toBe('corrupt');
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
    expect(storage.data.get('archplay.document.corrupt.stamp1')).toBe('{"format":"archplay", broken');
    expect(result.kind === 'corrupt' && result.errors.length).toBeGreaterThan(0);
  });
});

describe('startAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once after a burst of changes, not per change', () => {
    const storage = memoryStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const source = fakeSource();
    startAutosave(source, storage, 500);
    const doc = source.getState().document;
    source.set({ ...doc, name: 'a' });
    source.set({ ...doc, name: 'ab' });
    source.set({ ...doc, name: 'abc' });
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!).name).toBe('abc');
  });

  it('flush writes a pending change immediately', () => {
    const storage = memoryStorage();
    const source = fakeSource();
    const autosave = startAutosave(source, storage, 500);
    source.set({ ...source.getState().document, name: 'now' });
    autosave.flush();
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!).name).toBe('now');
  });

  it('reports a failing storage once instead of throwing into the editor', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('quota exceeded');
    };
    const onError = vi.fn();
    const source = fakeSource();
    startAutosave(source, storage, 10, onError);
    source.set({ ...source.getState().document, name: 'x' });
    vi.advanceTimersByTime(10);
    source.set({ ...source.getState().document, name: 'y' });
    vi.advanceTimersByTime(10);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith('quota exceeded');
  });
});
