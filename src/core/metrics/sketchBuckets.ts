/** Relative accuracy of every quantile the sketch reports (DDSketch's alpha). */
export const SKETCH_RELATIVE_ACCURACY = 0.01;
/** Smallest value kept apart from zero; smaller values land in the zero bucket. */
export const MIN_MS = 1e-3;
/** Largest value tracked with full accuracy (about 28 hours); larger ones share the top bucket. */
const MAX_MS = 1e8;

export const GAMMA = (1 + SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
/** Buckets of a sketch: 0 for values up to MIN_MS, then one per factor of GAMMA. */
export const BUCKETS = Math.ceil(Math.log(MAX_MS / MIN_MS) / LOG_GAMMA) + 1;

/**
 * The bucket of a value (>= 0) by its definition: 0 up to MIN_MS, then ceil(log_gamma(v / MIN_MS)),
 * at least 1 and capped at the top bucket. {@link sketchBucket} gives the same answer faster.
 */
export function bucketByFormula(v: number): number {
  if (!(v > MIN_MS)) return 0;
  const i = Math.ceil(Math.log(v / MIN_MS) / LOG_GAMMA);
  return Math.min(BUCKETS - 1, Math.max(i, 1));
}

// The high 32 bits of a double: sign, 11 exponent bits, then the top 20 bits of the mantissa.
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH = (() => {
  bits[0] = 1;
  return words[1] === 0x3ff00000 ? 1 : 0;
})();
/** Cells per power of two: each is narrower than a bucket (2^(1/256) < GAMMA), so it meets at most one bound. */
const CELL_BITS = 8;

function cellOf(v: number): number {
  bits[0] = v;
  return words[HIGH]! >>> (20 - CELL_BITS);
}

/**
 * The smallest double whose bucket by formula is at least `bucket` (the formula is monotone): a
 * bisection from a bracket around MIN_MS * GAMMA^(bucket - 1), where the bucket starts on paper,
 * widened when rounding put the start outside it.
 */
function lowerBound(bucket: number): number {
  const onPaper = MIN_MS * GAMMA ** (bucket - 1);
  let lo = onPaper * (1 - 1e-14);
  let hi = onPaper * (1 + 1e-14);
  if (bucketByFormula(lo) >= bucket) lo = onPaper * (1 - 1e-9);
  if (bucketByFormula(lo) >= bucket) lo = MIN_MS;
  while (bucketByFormula(hi) < bucket) hi *= 2;
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) return hi;
    if (bucketByFormula(mid) >= bucket) hi = mid;
    else lo = mid;
  }
}

/** LOWER[i]: the smallest value in bucket i (LOWER[BUCKETS] = Infinity). */
const LOWER = new Float64Array(BUCKETS + 1);
for (let i = 1; i < BUCKETS; i++) LOWER[i] = lowerBound(i);
LOWER[BUCKETS] = Number.POSITIVE_INFINITY;
const FIRST_CELL = cellOf(MIN_MS);
const LAST_CELL = cellOf(LOWER[BUCKETS - 1]!);
/** The bucket of the smallest double of each cell from FIRST_CELL to LAST_CELL: the last bound below it. */
const CELL_BUCKET = new Uint16Array(LAST_CELL - FIRST_CELL + 1);
for (let c = FIRST_CELL, bucket = 0; c <= LAST_CELL; c++) {
  words[HIGH] = c << (20 - CELL_BITS);
  words[1 - HIGH] = 0;
  const start = bits[0]!;
  while (bucket + 1 < BUCKETS && LOWER[bucket + 1]! <= start) bucket++;
  CELL_BUCKET[c - FIRST_CELL] = bucket;
}

/**
 * The bucket of a value (>= 0): exactly {@link bucketByFormula}'s answer.
 *
 * NOTE: the formula's Math.log, twice per answer, was a tenth of the 7-hop flow's time. Here the
 * value's exponent and top mantissa bits name a cell narrower than any bucket, the cell gives the
 * bucket of its smallest value, and one comparison with the next bucket's smallest value settles
 * it. Those smallest values are found at load by bisection on the formula itself, so the answer is
 * the formula's bit for bit (sketchBuckets.test.ts checks every bound and its neighbours).
 */
export function sketchBucket(v: number): number {
  if (!(v > MIN_MS)) return 0;
  // cellOf, written out: a call V8 does not inline passes the double as a new heap number.
  bits[0] = v;
  const cell = words[HIGH]! >>> (20 - CELL_BITS);
  if (cell > LAST_CELL) return BUCKETS - 1;
  const i = CELL_BUCKET[cell - FIRST_CELL]!;
  // Added as a number, not branched on: whether a value lies past its cell's bound is a coin toss.
  return i + Number(v >= LOWER[i + 1]!);
}

/** The smallest value of each bucket, for tests. */
export function bucketLowerBounds(): Float64Array {
  return LOWER.slice(0, BUCKETS);
}
