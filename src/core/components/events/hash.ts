/**
 * 32-bit FNV-1a of a string: stable across runs and JavaScript engines, so a key always maps to the
 * same partition or shard.
 */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
