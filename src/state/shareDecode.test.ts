import { describe, expect, it } from 'vitest';
import { expandingLink } from '../../bench/share/expandingLink';
import { createDefaultDocument } from './defaultDocument';
import { encodeShareHash } from './share';
import { decodeShareHash, MAX_SHARE_LINK_CHARS, shareLinkFits } from './shareDecode';

describe('decodeShareHash', () => {
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

  it('refuses a link longer than the limit before decoding it, naming the limit', () => {
    const hash = `#d=${'A'.repeat(MAX_SHARE_LINK_CHARS + 1)}`;
    expect(shareLinkFits(hash)).toBe(false);
    expect(decodeShareHash(hash)).toEqual({
      kind: 'invalid',
      errors: [{ path: '(link)', message: 'the link is 2,097,153 characters long; the limit is 2,097,152' }],
    });
  });

  it('refuses a short link that expands past the document limit, naming the limit', () => {
    const { link, expandedChars } = expandingLink(500_000_000);
    expect(link.length).toBeLessThan(90_000);
    expect(expandedChars).toBeGreaterThan(499_000_000);
    expect(decodeShareHash(`#d=${link}`)).toEqual({
      kind: 'invalid',
      errors: [{ path: '(link)', message: 'the link expands to more than 5.0 MB, the limit for a diagram' }],
    });
  });

  it('opens an ordinary link, far within the limits', () => {
    const hash = encodeShareHash(createDefaultDocument());
    expect(shareLinkFits(hash)).toBe(true);
    expect(decodeShareHash(hash).kind).toBe('ok');
  });
});
