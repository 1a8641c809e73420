import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { expandingLink } from '../../bench/share/expandingLink';
import { boundedInflate } from './boundedInflate';

const examplesDir = join(import.meta.dirname, '..', '..', 'public', 'examples');
const examples = readdirSync(examplesDir).map((file) => readFileSync(join(examplesDir, file), 'utf8'));

/** What lz-string itself makes of a stream, in this module's terms. */
function reference(link: string) {
  const text = decompressFromEncodedURIComponent(link);
  return text ? { kind: 'text', text } : { kind: 'corrupt' };
}

describe('boundedInflate', () => {
  it('decodes every shipped example exactly as lz-string does', () => {
    for (const text of examples) {
      expect(boundedInflate(compressToEncodedURIComponent(text), 10_000_000)).toEqual({ kind: 'text', text });
    }
  });

  it('decodes any text lz-string compresses, including characters beyond one byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        fc.pre(text.length > 0);
        const link = compressToEncodedURIComponent(text);
        expect(boundedInflate(link, text.length)).toEqual({ kind: 'text', text });
      }),
    );
  });

  it('agrees with lz-string on cut and altered links: the same text, or refused where it gives none', () => {
    const base = compressToEncodedURIComponent(examples[0]!);
    fc.assert(
      fc.property(
        fc.nat({ max: base.length - 1 }),
        // Not the first character: lz-string misreads a corrupt header (it decodes "undefined").
        fc.integer({ min: 1, max: base.length - 1 }),
        fc.constantFrom(...'AZaz09+-$ '),
        (cut, at, char) => {
          const altered = `${base.slice(0, at)}${char}${base.slice(at + 1)}`;
          for (const link of [base.slice(0, cut), altered]) {
            const ours = boundedInflate(link, 10_000_000);
            expect(ours).toEqual(reference(link));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a space as +, as lz-string does for links whose + became a space', () => {
    const text = examples.find((t) => compressToEncodedURIComponent(t).includes('+'))!;
    const link = compressToEncodedURIComponent(text).replace(/\+/g, ' ');
    expect(link).toContain(' ');
    expect(boundedInflate(link, 10_000_000)).toEqual({ kind: 'text', text });
  });

  it('stops once the text passes the limit, without building the rest', () => {
    const { link, expandedChars } = expandingLink(50_000_000);
    expect(expandedChars).toBeGreaterThan(49_000_000);
    expect(link.length).toBeLessThan(30_000);
    expect(boundedInflate(link, 1_000_000)).toEqual({ kind: 'tooLarge', maxChars: 1_000_000 });
  });

  it('accepts a text of exactly the limit', () => {
    const text = examples[2]!;
    const link = compressToEncodedURIComponent(text);
    expect(boundedInflate(link, text.length).kind).toBe('text');
    expect(boundedInflate(link, text.length - 1).kind).toBe('tooLarge');
  });

  it('refuses an empty link and a link that ends before its end code', () => {
    expect(boundedInflate('', 100)).toEqual({ kind: 'corrupt' });
    expect(boundedInflate('A', 100)).toEqual({ kind: 'corrupt' });
  });
});

describe('expandingLink (the test stream itself)', () => {
  it('expands, by lz-string itself, to the promised run of one character', () => {
    for (const chars of [1, 2, 3, 10, 1000, 123_456]) {
      const { link, expandedChars } = expandingLink(chars, 'x');
      expect(expandedChars).toBeLessThanOrEqual(chars);
      expect(decompressFromEncodedURIComponent(link)).toBe('x'.repeat(expandedChars));
    }
  });
});
