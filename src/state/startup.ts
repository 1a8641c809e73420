import type { ValidationIssue } from '../core/model/issues';
import type { ArchDocument } from '../core/model/schema';
import { formatIssue, parseDocument, serializeDocument } from '../core/model/validate';
import { type HeldText, notKeptHold, unreadableHold } from './autosaveHold';
import { createDefaultDocument } from './defaultDocument';
import { type AutosaveRead, readAutosave, type StorageLike } from './persistence';
import { keepRecent, type RecentEntry } from './recent';
import type { Notice } from './sessionStore';
import { decodeShareHash } from './shareDecode';

export interface StartupEnv {
  hash: string;
  storage: StorageLike;
  /** Resolves to the text at `path` (relative to the app base) or null when it cannot be had. */
  fetchText: (path: string) => Promise<string | null>;
  now: Date;
}

export interface Startup {
  document: ArchDocument;
  source: 'share' | 'autosave' | 'example' | 'builtin';
  notice: Notice | null;
  /** Text autosave must not write over until the person exports or discards it. */
  held: Omit<HeldText, 'id'> | null;
  /** The autosaved diagram a share link replaced, now in Recent. */
  setAside: RecentEntry | null;
}

const listErrors = (errors: ValidationIssue[]) => errors.slice(0, 8).map(formatIssue);

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

type Unreadable = Extract<AutosaveRead, { kind: 'unreadable' }>;

/** What start-up says about an autosave it cannot read: where it was kept, or a hold on autosave. */
function unreadable(saved: Unreadable, now: Date): Pick<Startup, 'notice' | 'held'> {
  if (saved.keptAs === null)
    return { notice: null, held: unreadableHold(saved.text, listErrors(saved.errors), now) };
  return {
    held: null,
    notice: {
      tone: 'warning',
      title: 'The autosaved diagram could not be read, so the default diagram was opened.',
      details: [
        `The saved data was kept under the storage key "${saved.keptAs}".`,
        ...listErrors(saved.errors),
      ],
    },
  };
}

/**
 * A share link replaces the autosaved diagram, which therefore goes to Recent first (or, when
 * Recent has no room, stays under the autosave key with autosave paused).
 */
function openShared(env: StartupEnv, document: ArchDocument): Startup {
  const opened = { document, source: 'share' as const, notice: null, held: null, setAside: null };
  const saved = readAutosave(env.storage, stampOf(env.now));
  if (saved.kind === 'unreadable') return { ...opened, ...unreadable(saved, env.now) };
  if (saved.kind !== 'ok' || saved.text === serializeDocument(document)) return opened;
  const name = saved.document.name;
  const kept = keepRecent(env.storage, saved.text, {
    name,
    reason: 'shareLink',
    setAsideAt: env.now.toISOString(),
  });
  if (kept.ok) return { ...opened, setAside: kept.entry };
  return { ...opened, held: notKeptHold(name, saved.text, kept.message, env.now) };
}

/**
 * Picks the diagram the editor opens with: a shared link, else the autosave, else the e-commerce
 * example, else the built-in default. Every failure on the way becomes a notice, never a blank
 * page, and nothing saved is lost on the way.
 */
export async function loadStartupDocument(env: StartupEnv): Promise<Startup> {
  const shared = decodeShareHash(env.hash);
  if (shared.kind === 'ok') return openShared(env, shared.document);
  let notice: Notice | null =
    shared.kind === 'invalid'
      ? {
          tone: 'error',
          title: 'The shared link holds no valid diagram.',
          details: listErrors(shared.errors),
        }
      : null;
  let held: Startup['held'] = null;
  const saved = readAutosave(env.storage, stampOf(env.now));
  if (saved.kind === 'ok')
    return { document: saved.document, source: 'autosave', notice, held, setAside: null };
  if (saved.kind === 'unreadable') {
    const said = unreadable(saved, env.now);
    notice = said.notice ?? notice;
    held = said.held;
  }
  const text = await env.fetchText('examples/ecommerce.json');
  if (text !== null) {
    const parsed = parseDocument(text);
    if (parsed.ok) return { document: parsed.document, source: 'example', notice, held, setAside: null };
  }
  return { document: createDefaultDocument(), source: 'builtin', notice, held, setAside: null };
}
