import { normalizeHeaders } from '../resilience/routing';

const cache = new WeakMap<object, Record<string, string>>();

/**
 * Request headers with lower-case names. Requests share their template's headers object, so the
 * normalized copy is made once per template and looked up by identity afterwards.
 */
export function lowerCaseHeaders(
  headers: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  let out = cache.get(headers);
  if (out === undefined) {
    out = normalizeHeaders(headers);
    cache.set(headers, out);
  }
  return out;
}
