/**
 * Overlays: what a target format cannot say, kept beside it so the import restores the design.
 * `diff(original, derived)` keeps only what differs (recursing into objects with the same keys,
 * replacing anything else whole); `merge(derived, overlay)` puts it back.
 */

type Plain = Record<string, unknown>;

/** Key of an overlay object that replaces a value whole instead of merging into it. */
const REPLACE = '$replace';

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Structural equality of JSON values (object key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isPlain(a) || !isPlain(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/** Values read as one piece (a distribution, a workload, a position): replaced whole, never merged into. */
function atomic(value: Plain): boolean {
  return Object.hasOwn(value, 'kind') || (Object.hasOwn(value, 'x') && Object.hasOwn(value, 'y'));
}

/** What `original` has that `derived` lacks, or undefined when they are equal. */
export function diff(original: unknown, derived: unknown): unknown {
  if (deepEqual(original, derived)) return undefined;
  if (!isPlain(original) || !isPlain(derived) || atomic(original)) return original;
  // A key-wise merge cannot drop a key: when `derived` has one `original` lacks, replace whole.
  if (!Object.keys(derived).every((k) => Object.hasOwn(original, k))) return { [REPLACE]: original };
  const out: Plain = {};
  for (const key of Object.keys(original)) {
    const d = diff(original[key], derived[key]);
    if (d !== undefined) out[key] = d;
  }
  return out;
}

/** `derived` with `overlay` applied: objects merge key by key, anything else is replaced. */
export function merge(derived: unknown, overlay: unknown): unknown {
  if (overlay === undefined) return derived;
  if (!isPlain(overlay)) return overlay;
  if (Object.hasOwn(overlay, REPLACE)) return overlay[REPLACE];
  if (!isPlain(derived) || atomic(overlay)) return overlay;
  const out: Plain = { ...derived };
  for (const [key, value] of Object.entries(overlay)) out[key] = merge(derived[key], value);
  return out;
}

/** The overlay that turns `derived` into `original` (undefined when they are equal). */
export function overlayOf(original: unknown, derived: unknown): unknown {
  const d = diff(original, derived);
  return d === undefined || deepEqual(merge(derived, d), original) ? d : { [REPLACE]: original };
}
