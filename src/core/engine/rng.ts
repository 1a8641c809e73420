/**
 * A seeded pseudo-random source. The core never calls Math.random: every random draw comes from an
 * Rng, so the same document and seed replay the same run.
 */
export interface Rng {
  /** A uniform draw in [0, 1). */
  next(): number;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes PractRand,
 * and needs only 32-bit integer arithmetic, so it is identical in every JavaScript engine.
 */
export class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 expands one 32-bit seed into four well-mixed words.
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    // Each word read once: half the bytecode of reading the fields in every expression, which is
    // what V8's inlining budget counts (a draw is on every hop of a request).
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((this.a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A new independent stream derived from this one, e.g. one per node, so adding a node elsewhere does not shift draws. */
  fork(salt: number): Sfc32 {
    return new Sfc32((Math.imul(this.next() * 4294967296, 0x85ebca6b) ^ salt) >>> 0);
  }
}

/** Derives a stable 32-bit stream seed from a run seed and a name (FNV-1a). */
export function streamSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
