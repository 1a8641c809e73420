import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../core/model/validate';
import { createDefaultDocument } from './defaultDocument';
import { encodeShareHash, shareUrl } from './share';
import { decodeShareHash } from './shareDecode';

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
});
