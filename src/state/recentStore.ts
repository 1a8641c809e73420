import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ArchDocument } from '../core/model/schema';
import { formatIssue, parseDocument, serializeDocument } from '../core/model/validate';
import { holdAutosave, isAutosaveHeld, notKeptHold } from './autosaveHold';
import { documentStore } from './documentStore';
import type { StorageLike } from './persistence';
import {
  forgetRecent,
  keepRecent,
  listRecent,
  type RecentEntry,
  type ReplaceReason,
  readRecent,
} from './recent';

interface RecentState {
  entries: RecentEntry[];
}

/** The Recent list as the File menu shows it; storage (recent.ts) is the truth. */
export const recentStore = createStore<RecentState>()(() => ({ entries: [] }));

const noStorage: StorageLike = {
  getItem: () => null,
  setItem: () => {
    throw new Error('no storage');
  },
  removeItem: () => {},
};

let storage: StorageLike = noStorage;
let now = () => new Date();

/** Points Recent at its storage (localStorage in the app) and reads the list. */
export function initRecent(target: StorageLike, clock: () => Date = () => new Date()): void {
  storage = target;
  now = clock;
  refreshRecent();
}

function refreshRecent(): void {
  recentStore.setState({ entries: listRecent(storage) });
}

/**
 * Keeps a document that is being set aside in Recent. When Recent has no room, autosave pauses
 * with the text held, so the saved copy is not overwritten until the person exports or discards it.
 * Returns the id of the copy Recent kept, or null.
 */
function setAside(text: string, name: string, reason: ReplaceReason): string | null {
  const at = now();
  const kept = keepRecent(storage, text, { name, reason, setAsideAt: at.toISOString() });
  refreshRecent();
  if (kept.ok) return kept.entry.id;
  holdAutosave(notKeptHold(name, text, kept.message, at));
  return null;
}

/**
 * The one way to put another document in the editor (share link, template, import, lesson, new
 * diagram, a Recent copy): the current one is kept in Recent first, then replaced as one undoable
 * step. Nothing is kept when the two are the same. Returns the id of the copy kept in Recent (to
 * return to it with {@link restoreRecent}), or null when nothing was kept.
 */
export function replaceDocument(next: ArchDocument, reason: ReplaceReason): string | null {
  const current = documentStore.getState().document;
  const text = serializeDocument(current);
  const kept = text !== serializeDocument(next) ? setAside(text, current.name, reason) : null;
  documentStore.getState().replaceDocument(next);
  return kept;
}

export type RestoreResult = { ok: true; name: string } | { ok: false; message: string };

/**
 * A Recent copy's document, read without opening it (to compare it with another design, say); a
 * copy that is gone from storage leaves the list.
 */
export function peekRecent(
  id: string,
): { ok: true; document: ArchDocument } | { ok: false; message: string } {
  const text = readRecent(storage, id);
  if (text === null) {
    forgetRecent(storage, id);
    refreshRecent();
    return { ok: false, message: 'That copy is no longer in this browser’s storage.' };
  }
  const parsed = parseDocument(text);
  if (parsed.ok) return { ok: true, document: parsed.document };
  const first = parsed.errors[0];
  return {
    ok: false,
    message: `That copy cannot be opened: ${first ? formatIssue(first) : 'invalid'}`,
  };
}

/** Opens a Recent copy in place of the current diagram, which goes to Recent in turn. */
export function restoreRecent(id: string): RestoreResult {
  const parsed = peekRecent(id);
  if (!parsed.ok) return parsed;
  replaceDocument(parsed.document, 'restore');
  // It is the working diagram now, autosaved like any other; while autosave is paused, the copy
  // in Recent is its only saved one.
  if (!isAutosaveHeld()) forgetRecent(storage, id);
  refreshRecent();
  return { ok: true, name: parsed.document.name };
}

const selectEntries = (s: RecentState) => s.entries;
export const useRecentEntries = (): RecentEntry[] => useStore(recentStore, selectEntries);
