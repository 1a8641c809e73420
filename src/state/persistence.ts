import type { ArchDocument } from '../core/model/schema';
import { parseDocument, serializeDocument } from '../core/model/validate';

/** Where the autosaved diagram lives in localStorage. */
export const AUTOSAVE_KEY = 'archplay.document';
/** Prefix of the keys an unreadable autosave is moved to, so nothing a person made is ever deleted. */
const CORRUPT_KEY_PREFIX = 'archplay.document.corrupt';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type AutosaveRead =
  | { kind: 'none' }
  | { kind: 'ok'; document: ArchDocument; text: string }
  /**
   * The saved text does not parse (damaged, or written by a newer build). `keptAs` is the key it
   * was copied to, or null when no copy could be written: then it is still under the autosave key,
   * and autosave must not write until the person has exported or discarded it.
   */
  | { kind: 'unreadable'; keptAs: string | null; text: string; errors: { path: string; message: string }[] };

/**
 * Reads the autosave. A saved state that no longer parses is copied to a key of its own (never
 * deleted) and reported, so the app can open a default diagram instead of crashing on it.
 */
export function readAutosave(storage: StorageLike, stamp: string): AutosaveRead {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  const parsed = parseDocument(text);
  if (parsed.ok) return { kind: 'ok', document: parsed.document, text };
  const keptAs = `${CORRUPT_KEY_PREFIX}.${stamp}`;
  try {
    storage.setItem(keptAs, text);
  } catch {
    return { kind: 'unreadable', keptAs: null, text, errors: parsed.errors };
  }
  try {
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    // The copy exists; the next save may write over the original.
  }
  return { kind: 'unreadable', keptAs, text, errors: parsed.errors };
}

export interface AutosaveSource {
  getState: () => { document: ArchDocument };
  subscribe: (
    listener: (state: { document: ArchDocument }, prev: { document: ArchDocument }) => void,
  ) => () => void;
}

export interface AutosaveOptions {
  delayMs?: number;
  onError?: (message: string) => void;
  /** While true nothing is written: something under the autosave key must not be overwritten. */
  isPaused?: () => boolean;
}

export interface Autosave {
  /** Writes a pending change now (page hide, the end of a pause, tests); nothing when paused. */
  flush: () => void;
  /** Schedules a write of the current document, as if it had just changed. */
  saveSoon: () => void;
  stop: () => void;
}

/**
 * Saves the document `delayMs` after the last change. Bursts of edits cost one write, a failing
 * storage (quota, private mode) is reported once instead of breaking editing, and a pause keeps
 * the change pending until `flush` after the pause.
 */
export function startAutosave(
  source: AutosaveSource,
  storage: StorageLike,
  options: AutosaveOptions = {},
): Autosave {
  const { delayMs = 500, onError = () => {}, isPaused = () => false } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirty = false;
  let reported = false;
  const write = () => {
    timer = null;
    if (!dirty || isPaused()) return;
    try {
      storage.setItem(AUTOSAVE_KEY, serializeDocument(source.getState().document));
      dirty = false;
      reported = false;
    } catch (error) {
      if (!reported) onError(error instanceof Error ? error.message : String(error));
      reported = true;
    }
  };
  const saveSoon = () => {
    dirty = true;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  };
  const unsubscribe = source.subscribe((state, prev) => {
    if (state.document !== prev.document) saveSoon();
  });
  return {
    flush: () => {
      if (timer !== null) clearTimeout(timer);
      write();
    },
    saveSoon,
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      unsubscribe();
    },
  };
}
