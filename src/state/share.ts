import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { ArchDocument } from '../core/model/schema';
import { parseDocument, serializeDocument } from '../core/model/validate';

const HASH_PREFIX = '#d=';

/** The URL hash that carries `document`, compressed so a typical diagram fits in a chat message. */
export function encodeShareHash(document: ArchDocument): string {
  return HASH_PREFIX + compressToEncodedURIComponent(serializeDocument(document));
}

/** A full share URL: the page address without its old hash, plus the encoded diagram. */
export function shareUrl(document: ArchDocument, pageUrl: string): string {
  const base = pageUrl.split('#')[0] ?? pageUrl;
  return base + encodeShareHash(document);
}

export type SharedRead =
  | { kind: 'none' }
  | { kind: 'ok'; document: ArchDocument }
  | { kind: 'invalid'; errors: { path: string; message: string }[] };

/** Decodes a `#d=` hash; the diagram inside is validated like any import, never trusted. */
export function decodeShareHash(hash: string): SharedRead {
  if (!hash.startsWith(HASH_PREFIX)) return { kind: 'none' };
  const text = decompressFromEncodedURIComponent(hash.slice(HASH_PREFIX.length));
  if (!text) {
    return {
      kind: 'invalid',
      errors: [{ path: '(link)', message: 'the link is truncated or not an archplay link' }],
    };
  }
  const parsed = parseDocument(text);
  return parsed.ok ? { kind: 'ok', document: parsed.document } : { kind: 'invalid', errors: parsed.errors };
}
