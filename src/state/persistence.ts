import type { ArchDocument } from '../core/model/schema';
import { parseDocument, serializeDocument } from '../core/model/validate';

/** Where the autosaved diagram lives in localStorage. */
export const AUTOSAVE_KEY = 'archplay.document';
/** Prefix of the keys a corrupt autosave is moved to, so nothing a person made is ever deleted. */
const CORRUPT_KEY_PREFIX = 'archplay.document.corrupt';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type AutosaveRead =
  | { kind: 'none' }
  | { kind: 'ok'; document: ArchDocument }
  | { kind: 'corrupt'; movedTo: string | null; errors: { path: string; message: string }[] };

/**
 * Reads the autosave. A saved state that no longer parses is moved aside (never deleted) and
 * reported, so the app can open a default diagram instead of crashing on it.
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
  if (parsed.ok) return { kind: 'ok', document: parsed.document };
  const movedTo = `${CORRUPT_KEY_PREFIX}.${stamp}`;
  try {
    storage.setItem(movedTo, text);
    storage.removeItem(AUTOSAVE_KEY);
    return { kind: 'corrupt', movedTo, errors: parsed.errors };
  } catch {
    return { kind: 'corrupt', movedTo: null, errors: parsed.errors };
  }
}

export interface AutosaveSource {
  getState: () => { document: ArchDocument };
  subscribe: (
    listener: (state: { document: ArchDocument }, prev: { document: ArchDocument }) => void,
  ) => () => void;
}

export interface Autosave {
  /** Writes a pending change now (page hide, tests). */
  flush: () => void;
  stop: () => void;
}

/**
 * Saves the document `delayMs` after the last change. Bursts of edits cost one write, and a
 * failing storage (quota, private mode) is reported once instead of breaking editing.
 */
export function startAutosave(
  source: AutosaveSource,
  storage: StorageLike,
  delayMs = 500,
  onError: (message: string) => void = () => {},
): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let reported = false;
  const write = () => {
    timer = null;
    try {
      storage.setItem(AUTOSAVE_KEY, serializeDocument(source.getState().document));
      reported = false;
    } catch (error) {
      if (!reported) onError(error instanceof Error ? error.message : String(error));
      reported = true;
    }
  };
  const unsubscribe = source.subscribe((state, prev) => {
    if (state.document === prev.document) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  return {
    flush: () => {
      if (timer === null) return;
      clearTimeout(timer);
      write();
    },
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      unsubscribe();
    },
  };
}
