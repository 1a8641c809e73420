import type { StorageLike } from './persistence';

/** The list of kept documents (metadata only), newest first. */
export const RECENT_INDEX_KEY = 'archplay.recent';
/** Each kept document's text lives under this prefix plus its id. */
export const RECENT_ENTRY_PREFIX = 'archplay.recent.';
/** How many replaced documents Recent keeps. */
export const MAX_RECENT = 10;
/**
 * The most text all kept documents may take together. Browsers give an origin about 5 M
 * characters of localStorage, and the autosave needs room beside Recent.
 */
export const MAX_RECENT_CHARS = 2 * 1024 * 1024;

/** Why a document was set aside: what replaced it. */
export type ReplaceReason = 'shareLink' | 'template' | 'import' | 'lesson' | 'newDiagram' | 'restore';

const reasons: readonly ReplaceReason[] = [
  'shareLink',
  'template',
  'import',
  'lesson',
  'newDiagram',
  'restore',
];

export interface RecentEntry {
  id: string;
  name: string;
  /** When it was set aside (ISO 8601). */
  setAsideAt: string;
  reason: ReplaceReason;
  /** Length of the kept text, for the total bound. */
  chars: number;
}

export type KeepResult = { ok: true; entry: RecentEntry } | { ok: false; message: string };

const entryKey = (id: string) => RECENT_ENTRY_PREFIX + id;

function isEntry(value: unknown): value is RecentEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    /^\d+$/.test(e.id) &&
    typeof e.name === 'string' &&
    typeof e.setAsideAt === 'string' &&
    reasons.includes(e.reason as ReplaceReason) &&
    typeof e.chars === 'number'
  );
}

/** The kept documents, newest first; a damaged or foreign index reads as empty. */
export function listRecent(storage: StorageLike): RecentEntry[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(RECENT_INDEX_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter(isEntry).slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** A kept document's text, or null when it is gone from storage. */
export function readRecent(storage: StorageLike, id: string): string | null {
  try {
    return storage.getItem(entryKey(id));
  } catch {
    return null;
  }
}

function remove(storage: StorageLike, ids: readonly string[]): void {
  for (const id of ids) {
    try {
      storage.removeItem(entryKey(id));
    } catch {
      // A key that cannot be removed only costs space; the index no longer lists it.
    }
  }
}

function writeIndex(storage: StorageLike, entries: readonly RecentEntry[]): boolean {
  try {
    storage.setItem(RECENT_INDEX_KEY, JSON.stringify(entries));
    return true;
  } catch {
    return false;
  }
}

/** Drops a kept document (after it was restored). */
export function forgetRecent(storage: StorageLike, id: string): void {
  const entries = listRecent(storage);
  if (!entries.some((e) => e.id === id)) return;
  if (
    writeIndex(
      storage,
      entries.filter((e) => e.id !== id),
    )
  )
    remove(storage, [id]);
}

/** Undoes the room-making of a failed keep: the dropped texts fit where they were. */
function putBack(
  storage: StorageLike,
  entries: readonly RecentEntry[],
  dropped: [RecentEntry, string | null][],
): void {
  for (const [entry, text] of dropped) {
    try {
      if (text !== null) storage.setItem(entryKey(entry.id), text);
    } catch {
      // Nothing more can be done for this one; the index below still lists only what exists.
    }
  }
  const present = entries.filter((e) => readRecent(storage, e.id) !== null);
  writeIndex(storage, present);
}

/** The newest entries that fit both bounds together with `chars` more. */
function within(entries: readonly RecentEntry[], chars: number): RecentEntry[] {
  const kept: RecentEntry[] = [];
  let total = chars;
  for (const e of entries) {
    if (kept.length + 1 >= MAX_RECENT || total + e.chars > MAX_RECENT_CHARS) break;
    kept.push(e);
    total += e.chars;
  }
  return kept;
}

/**
 * Keeps `text` as the newest Recent entry. The text is written first, under a key of its own; when
 * storage is full the oldest entries make room one by one (and are put back if it still fails).
 * Then the index is written, and entries past the bounds are dropped. Only Recent's own keys are
 * touched: the autosave is never written over or removed to make room. A text equal to the newest
 * entry's is not kept twice.
 */
export function keepRecent(
  storage: StorageLike,
  text: string,
  meta: { name: string; reason: ReplaceReason; setAsideAt: string },
): KeepResult {
  if (text.length > MAX_RECENT_CHARS) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    return {
      ok: false,
      message: `the diagram is ${mb(text.length)}; Recent keeps at most ${mb(MAX_RECENT_CHARS)}`,
    };
  }
  const entries = listRecent(storage);
  const newest = entries[0];
  if (newest && newest.chars === text.length && readRecent(storage, newest.id) === text)
    return { ok: true, entry: newest };
  const id = String(entries.reduce((max, e) => Math.max(max, Number(e.id)), 0) + 1);
  const entry: RecentEntry = { id, ...meta, chars: text.length };
  const older = entries.slice();
  // Entries dropped to make room, with their text, to put back should the write fail anyway.
  const dropped: [RecentEntry, string | null][] = [];
  for (;;) {
    try {
      storage.setItem(entryKey(id), text);
      break;
    } catch (error) {
      const oldest = older.pop();
      if (!oldest || !writeIndex(storage, older)) {
        putBack(storage, entries, dropped);
        return {
          ok: false,
          message: `storage is full (${error instanceof Error ? error.message : String(error)})`,
        };
      }
      dropped.push([oldest, readRecent(storage, oldest.id)]);
      remove(storage, [oldest.id]);
    }
  }
  const kept = within(older, text.length);
  if (!writeIndex(storage, [entry, ...kept])) {
    remove(storage, [id]);
    return { ok: false, message: 'the list of recent diagrams could not be written' };
  }
  remove(
    storage,
    older.filter((e) => !kept.includes(e)).map((e) => e.id),
  );
  return { ok: true, entry };
}
