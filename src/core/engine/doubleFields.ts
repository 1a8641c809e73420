/**
 * Starting values for number fields that later hold fractions: times in ms, sums and areas.
 *
 * NOTE: V8 gives an object field the representation of the first value stored in it. A field that
 * starts as a small integer (a literal 0 or -1) and later takes a fraction moves its class to a new
 * hidden class when the first fraction arrives. Objects created afterwards (the next run's) get the
 * new hidden class, and every optimized function that relied on the old one is thrown away and
 * compiled again: in the 7-hop flow that was nearly the whole request path, at the start of every
 * process's second run. These constants are the same numbers as heap numbers (read from a
 * Float64Array, so not small integers), which makes a field that starts with them a double field
 * from its first object on. Use them only for the initial value of such fields.
 */
const values = new Float64Array([0, -1]);

/** 0, as a double. */
export const DOUBLE_ZERO: number = values[0]!;

/** -1, as a double. */
export const DOUBLE_MINUS_ONE: number = values[1]!;
