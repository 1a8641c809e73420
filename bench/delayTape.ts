import { Sfc32 } from '../src/core';

/**
 * A precomputed, cyclic sequence of exponential delays. Every engine in the hold model reads its
 * delays from the same tape in the same order, so each pays the same (tiny) cost for randomness and
 * the measured difference is the event queue alone.
 */
export class DelayTape {
  private readonly delaysMs: Float64Array;
  private readonly mask: number;
  private cursor = 0;

  constructor(seed: number, meanMs: number, log2Length = 20) {
    const length = 2 ** log2Length;
    this.mask = length - 1;
    this.delaysMs = new Float64Array(length);
    const rng = new Sfc32(seed);
    for (let i = 0; i < length; i++) this.delaysMs[i] = -meanMs * Math.log(1 - rng.next());
  }

  /** The next delay in ms (wraps around at the end of the tape). */
  next(): number {
    return this.delaysMs[this.cursor++ & this.mask]!;
  }

  /** Delays read since the last rewind. */
  get drawn(): number {
    return this.cursor;
  }

  /** Starts again from the first delay, so every engine sees the identical sequence. */
  rewind(): void {
    this.cursor = 0;
  }
}
