import type { ArchDocument } from '../core/model/schema';
import { parseDocument } from '../core/model/validate';
import { createDefaultDocument } from './defaultDocument';
import { readAutosave, type StorageLike } from './persistence';
import type { Notice } from './sessionStore';
import { decodeShareHash } from './shareDecode';

export interface StartupEnv {
  hash: string;
  storage: StorageLike;
  /** Resolves to the text at `path` (relative to the app base) or null when it cannot be had. */
  fetchText: (path: string) => Promise<string | null>;
  stamp: string;
}

export interface Startup {
  document: ArchDocument;
  source: 'share' | 'autosave' | 'example' | 'builtin';
  notice: Notice | null;
}

const listErrors = (errors: { path: string; message: string }[]) =>
  errors.slice(0, 8).map((e) => `${e.path}: ${e.message}`);

/**
 * Picks the diagram the editor opens with: a shared link, else the autosave, else the e-commerce
 * example, else the built-in default. Every failure on the way becomes a notice, never a blank page.
 */
export async function loadStartupDocument(env: StartupEnv): Promise<Startup> {
  let notice: Notice | null = null;
  const shared = decodeShareHash(env.hash);
  if (shared.kind === 'ok') return { document: shared.document, source: 'share', notice };
  if (shared.kind === 'invalid') {
    notice = {
      tone: 'error',
      title: 'The shared link holds no valid diagram.',
      details: listErrors(shared.errors),
    };
  }
  const saved = readAutosave(env.storage, env.stamp);
  if (saved.kind === 'ok') return { document: saved.document, source: 'autosave', notice };
  if (saved.kind === 'corrupt') {
    notice = {
      tone: 'warning',
      title: 'The autosaved diagram could not be read, so the default diagram was opened.',
      details: [
        saved.movedTo
          ? `The saved data was kept under the storage key "${saved.movedTo}".`
          : 'The saved data could not be moved aside.',
        ...listErrors(saved.errors),
      ],
    };
  }
  const text = await env.fetchText('examples/ecommerce.json');
  if (text !== null) {
    const parsed = parseDocument(text);
    if (parsed.ok) return { document: parsed.document, source: 'example', notice };
  }
  return { document: createDefaultDocument(), source: 'builtin', notice };
}
