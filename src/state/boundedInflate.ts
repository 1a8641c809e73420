/**
 * lz-string's `decompressFromEncodedURIComponent`, ported so it stops as soon as the text it
 * rebuilds passes a limit. The original expands everything first: a 75 KB link can hold 500 MB of
 * text, and the page's memory climbs to gigabytes before any size check sees it.
 *
 * The bit format, the dictionary rules and the results on valid input are lz-string 1.5's
 * (`libs/lz-string.js`, `_decompress` with 6 bits a character); `boundedInflate.test.ts` checks
 * them against lz-string's own output.
 */

export type Inflated =
  | { kind: 'text'; text: string }
  /** The stream ends early, holds an impossible code or decodes to nothing. */
  | { kind: 'corrupt' }
  /** The text grew past `maxChars`; decoding stopped there. */
  | { kind: 'tooLarge'; maxChars: number };

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const SIX_BITS = new Map([...URI_SAFE].map((c, i) => [c.charCodeAt(0), i]));
const CORRUPT: Inflated = { kind: 'corrupt' };

/** Reads the stream's bits, lowest bit of each value first, six bits a character. */
class BitReader {
  private value: number;
  private mask = 32;
  private index = 1;

  constructor(private readonly input: string) {
    this.value = this.at(0);
  }

  /** lz-string maps a character outside its alphabet to 0; so does this reader (old links agree). */
  private at(index: number): number {
    return SIX_BITS.get(this.input.charCodeAt(index)) ?? 0;
  }

  get exhausted(): boolean {
    return this.index > this.input.length;
  }

  read(bitCount: number): number {
    let bits = 0;
    for (let power = 1, i = 0; i < bitCount; i++, power *= 2) {
      if ((this.value & this.mask) !== 0) bits += power;
      this.mask >>= 1;
      if (this.mask === 0) {
        this.mask = 32;
        this.value = this.at(this.index++);
      }
    }
    return bits;
  }
}

/**
 * Decompresses an lz-string URI-safe stream into at most `maxChars` UTF-16 units. Memory stays
 * proportional to the input plus `maxChars`: dictionary entries are built by appending one
 * character to an earlier entry, and their first characters are kept apart, so no long entry is
 * ever read character by character (which would flatten it).
 */
export function boundedInflate(compressed: string, maxChars: number): Inflated {
  if (compressed === '') return CORRUPT;
  const bits = new BitReader(compressed.replace(/ /g, '+'));
  const dictionary: string[] = ['', '', ''];
  const firstChar: string[] = ['', '', ''];
  let numBits = 3;
  let enlargeIn = 4;

  const literal = (token: number): string | null =>
    token === 0 ? String.fromCharCode(bits.read(8)) : token === 1 ? String.fromCharCode(bits.read(16)) : null;
  const first = literal(bits.read(2));
  if (first === null) return CORRUPT;
  dictionary.push(first);
  firstChar.push(first);
  const parts = [first];
  let length = first.length;
  let w = first;
  let wFirst = first;

  for (;;) {
    if (bits.exhausted) return CORRUPT;
    let code = bits.read(numBits);
    if (code === 2) return { kind: 'text', text: parts.join('') };
    if (code < 2) {
      const c = literal(code)!;
      code = dictionary.length;
      dictionary.push(c);
      firstChar.push(c);
      if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    }
    let entry: string;
    let entryFirst: string;
    if (code < dictionary.length) {
      entry = dictionary[code]!;
      entryFirst = firstChar[code]!;
    } else if (code === dictionary.length) {
      // The entry being defined by this very code: the previous one plus its own first character.
      entryFirst = wFirst;
      entry = w + wFirst;
    } else {
      return CORRUPT;
    }
    length += entry.length;
    if (length > maxChars) return { kind: 'tooLarge', maxChars };
    parts.push(entry);
    dictionary.push(w + entryFirst);
    firstChar.push(wFirst);
    w = entry;
    wFirst = entryFirst;
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
}
