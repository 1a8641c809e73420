import { compressToEncodedURIComponent } from 'lz-string';
import type { ArchDocument } from '../core/model/schema';
import { serializeDocument } from '../core/model/validate';
import { SHARE_HASH_PREFIX } from './shareDecode';

/** The URL hash that carries `document`, compressed so a typical diagram fits in a chat message. */
export function encodeShareHash(document: ArchDocument): string {
  return SHARE_HASH_PREFIX + compressToEncodedURIComponent(serializeDocument(document));
}

/** A full share URL: the page address without its old hash, plus the encoded diagram. */
export function shareUrl(document: ArchDocument, pageUrl: string): string {
  const base = pageUrl.split('#')[0] ?? pageUrl;
  return base + encodeShareHash(document);
}
