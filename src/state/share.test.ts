import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../core/model/validate';
import { createDefaultDocument } from './defaultDocument';
import { decodeShareHash, encodeShareHash, shareUrl } from './share';

describe('share links', () => {
  it('round-trips a document through the URL hash byte for byte', () => {
    const doc = createDefaultDocument();
    const decoded = decodeShareHash(encodeShareHash(doc));
    expect(decoded.kind).toBe('ok');
    if (decoded.kind === 'ok') expect(serializeDocument(decoded.document)).toBe(serializeDocument(doc));
  });

  it('replaces an old hash rather than appending to it', () => {
    const url = shareUrl(createDefaultDocument(), 'http://x/app/?q=1#d=old');
    expect(url.startsWith('http://x/app/?q=1#d=')).toBe(true);
    expect(url.split('#')).toHaveLength(2);
    expect(url).not.toContain('#d=old');
  });

  it('ignores hashes that are not share links', () => {
    expect(decodeShareHash('').kind).toBe('none');
    expect(decodeShareHash('#section').kind).toBe('none');
  });

  it('refuses a truncated link with a reason', () => {
    const hash = encodeShareHash(createDefaultDocument());
    const decoded = decodeShareHash(hash.slice(0, hash.length / 2));
    expect(decoded.kind).toBe('invalid');
    if (decoded.kind === 'invalid') expect(decoded.errors.length).toBeGreaterThan(0);
  });
});
