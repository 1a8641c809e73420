import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../engine/rng';
import { BUCKETS, bucketByFormula, bucketLowerBounds, MIN_MS, sketchBucket } from './sketchBuckets';

const bits = new Float64Array(1);
const ordinal = new BigInt64Array(bits.buffer);

/** The double `steps` representable values away from positive `v`. */
function ulpsAway(v: number, steps: number): number {
  bits[0] = v;
  ordinal[0] = ordinal[0]! + BigInt(steps);
  return bits[0]!;
}

describe('sketchBucket', () => {
  it('puts each bucket bound and the 64 values either side of it where the formula does', () => {
    const bounds = bucketLowerBounds();
    let checked = 0;
    for (let i = 1; i < BUCKETS; i++) {
      for (let k = -64; k <= 64; k++) {
        const v = ulpsAway(bounds[i]!, k);
        if (sketchBucket(v) !== bucketByFormula(v)) throw new Error(`bucket ${i}, ${k} ulps: ${v}`);
        checked++;
      }
      // The bound is the first value of its bucket.
      expect([bucketByFormula(bounds[i]!), bucketByFormula(ulpsAway(bounds[i]!, -1))]).toEqual([i, i - 1]);
    }
    expect(checked).toBe((BUCKETS - 1) * 129);
  });

  it('agrees with the formula on a million values spread over every order of magnitude', () => {
    const rng = new Sfc32(19);
    for (let n = 0; n < 1_000_000; n++) {
      const v = 10 ** (rng.next() * 14 - 5);
      if (sketchBucket(v) !== bucketByFormula(v)) throw new Error(`value ${v}`);
    }
  });

  it('keeps zero, tiny values and values past the top in the end buckets', () => {
    const values = [0, MIN_MS / 2, MIN_MS, ulpsAway(MIN_MS, 1), 1e8, 1e12, 1e300, Number.POSITIVE_INFINITY];
    expect(values.map(sketchBucket)).toEqual(values.map(bucketByFormula));
    expect(values.map(sketchBucket)).toEqual([
      0,
      0,
      0,
      1,
      BUCKETS - 1,
      BUCKETS - 1,
      BUCKETS - 1,
      BUCKETS - 1,
    ]);
  });
});
