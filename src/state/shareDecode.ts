import type { ArchDocument } from '../core/model/schema';
import { MAX_DOCUMENT_BYTES, parseDocument } from '../core/model/validate';
import { boundedInflate } from './boundedInflate';

// Decoding lives apart from encoding (share.ts) so that it does not need lz-string, whose
// CommonJS module Node cannot import by name: the Node bench and tests run this very code.

/** What starts a share link's hash; the compressed diagram follows. */
export const SHARE_HASH_PREFIX = '#d=';

/**
 * The longest link body (after `#d=`) that is decoded at all. Chromium refuses URLs past 2 MiB, so
 * no longer link can come from a browser; the shipped examples need 3–6 KB.
 */
export const MAX_SHARE_LINK_CHARS = 2 * 1024 * 1024;

/**
 * The most text a link may expand to: the document size limit (a UTF-16 unit is at least one UTF-8
 * byte, so a longer text is surely over it). Decoding stops as soon as the text passes it.
 */
const MAX_SHARED_TEXT_CHARS = MAX_DOCUMENT_BYTES;

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/** Whether a link this long would be opened; longer ones are refused before decoding. */
export const shareLinkFits = (hash: string): boolean =>
  hash.length - SHARE_HASH_PREFIX.length <= MAX_SHARE_LINK_CHARS;

export type SharedRead =
  | { kind: 'none' }
  | { kind: 'ok'; document: ArchDocument }
  | { kind: 'invalid'; errors: { path: string; message: string }[] };

const refuse = (message: string): SharedRead => ({ kind: 'invalid', errors: [{ path: '(link)', message }] });

/**
 * Decodes a `#d=` hash; the diagram inside is validated like any import, never trusted. The link's
 * length is checked before decoding and the text's size while decoding, so a small link that
 * expands to gigabytes costs no more than the limits.
 */
export function decodeShareHash(hash: string): SharedRead {
  if (!hash.startsWith(SHARE_HASH_PREFIX)) return { kind: 'none' };
  const body = hash.slice(SHARE_HASH_PREFIX.length);
  if (body.length > MAX_SHARE_LINK_CHARS) {
    return refuse(
      `the link is ${count(body.length)} characters long; the limit is ${count(MAX_SHARE_LINK_CHARS)}`,
    );
  }
  const inflated = boundedInflate(body, MAX_SHARED_TEXT_CHARS);
  if (inflated.kind === 'tooLarge') {
    return refuse(
      `the link expands to more than ${megabytes(MAX_SHARED_TEXT_CHARS)}, the limit for a diagram`,
    );
  }
  if (inflated.kind === 'corrupt') return refuse('the link is truncated or not an archplay link');
  const parsed = parseDocument(inflated.text);
  return parsed.ok ? { kind: 'ok', document: parsed.document } : { kind: 'invalid', errors: parsed.errors };
}
