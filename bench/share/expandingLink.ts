/**
 * Builds an lz-string URI-safe stream that expands to `char` repeated about `chars` times: after
 * one literal, every code names the dictionary entry it is defining (the previous entry plus one
 * character), so entry k is k characters long and n codes expand to about n²/2 characters. About
 * 82 KB of link expands to 500 MB. Written straight as bits, since compressing 500 MB with
 * lz-string itself would take minutes.
 */
export function expandingLink(chars: number, char = 'a'): { link: string; expandedChars: number } {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const out: string[] = [];
  let value = 0;
  let position = 0;
  const write = (code: number, bitCount: number) => {
    for (let i = 0; i < bitCount; i++) {
      value = (value << 1) | ((code >> i) & 1);
      if (position === 5) {
        out.push(alphabet[value]!);
        value = 0;
        position = 0;
      } else position++;
    }
  };
  write(0, 2);
  write(char.charCodeAt(0), 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  let expandedChars = 1;
  for (let entryLength = 2; expandedChars + entryLength <= chars; entryLength++) {
    write(dictSize, numBits);
    expandedChars += entryLength;
    dictSize++;
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
  write(2, numBits);
  // lz-string's own flush: shift zeros until the last character is full.
  for (;;) {
    value <<= 1;
    if (position === 5) {
      out.push(alphabet[value]!);
      break;
    }
    position++;
  }
  return { link: out.join(''), expandedChars };
}
