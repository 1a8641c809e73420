/**
 * 32-bit FNV-1a over a string's UTF-16 code units followed by MurmurHash3's fmix32 finaliser: cheap,
 * allocation-free and identical in every JavaScript engine, with the avalanche a hash ring needs.
 */
export function hashString32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the whole output word. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
