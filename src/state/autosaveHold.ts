import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Text that autosave must not write over, held until the person exports or discards it: an
 * unreadable autosave that could not be copied aside, or a replaced diagram Recent had no room for.
 */
export interface HeldText {
  id: number;
  reason: 'unreadable' | 'notKept';
  title: string;
  details: string[];
  /** The exact text, for the export. */
  text: string;
  /** The export's file name. */
  fileName: string;
}

interface HoldState {
  held: HeldText[];
}

const store = createStore<HoldState>()(() => ({ held: [] }));
let nextId = 1;

/** Pauses autosave until `text` is exported or discarded. */
export function holdAutosave(text: Omit<HeldText, 'id'>): void {
  const id = nextId++;
  store.setState((s) => ({ held: [...s.held, { ...text, id }] }));
}

/** The person exported or discarded it; autosave resumes once nothing is held. */
export function releaseHeld(id: number): void {
  store.setState((s) => ({ held: s.held.filter((h) => h.id !== id) }));
}

export const isAutosaveHeld = (): boolean => store.getState().held.length > 0;
/** The text the notice shows first (outside React). */
export const firstHeld = (): HeldText | null => store.getState().held[0] ?? null;

/** Calls `listener` each time the last held text is released. */
export function onAutosaveResumed(listener: () => void): () => void {
  return store.subscribe((s, prev) => {
    if (s.held.length === 0 && prev.held.length > 0) listener();
  });
}

const selectFirst = (s: HoldState): HeldText | null => s.held[0] ?? null;
const selectCount = (s: HoldState): number => s.held.length;
export const useFirstHeld = (): HeldText | null => useStore(store, selectFirst);
export const useHeldCount = (): number => useStore(store, selectCount);

type HeldDraft = Omit<HeldText, 'id'>;

const stampOf = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');
const fileBase = (name: string) => name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'diagram';

/** A replaced diagram that Recent had no room for (`message` says why). */
export function notKeptHold(name: string, text: string, message: string, at: Date): HeldDraft {
  return {
    reason: 'notKept',
    title: `“${name || 'Untitled'}” could not be kept in Recent, so autosave is paused.`,
    details: [
      `Recent: ${message}.`,
      'Export it to keep a copy, or discard it; autosave resumes after either.',
    ],
    text,
    fileName: `${fileBase(name)} (set aside ${stampOf(at)}).archplay.json`,
  };
}

/** An autosave that cannot be read and could not be copied to a key of its own. */
export function unreadableHold(text: string, errors: readonly string[], at: Date): HeldDraft {
  return {
    reason: 'unreadable',
    title:
      'The autosaved diagram could not be read, and there is no room to keep a copy, so autosave is paused.',
    details: [
      'Export it to keep it (a newer archplay may open it), or discard it; autosave resumes after either.',
      ...errors,
    ],
    text,
    fileName: `archplay autosave ${stampOf(at)}.json`,
  };
}
