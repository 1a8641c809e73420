/**
 * Traffic caused by one request per second of a given kind arriving at a node, as sparse linear
 * maps: the flow analysis is linear in the entry rate, so a unit computed once per request kind is
 * scaled and summed for every caller instead of walking the same subtree again.
 *
 * Keys of `nominal`: `n|node` arrivals, `b|node` busy slot-ms per second, `e|edge` calls,
 * `a|edge` attempts, `r|edge` response-ms x calls, `h|node|handler` handler arrivals,
 * `k|node|handler` handler busy slot-ms, `u|node|reason|request` unserved arrivals.
 * Keys of `worst`: `n|node` and `a|edge` when every retrying edge retries to its limit.
 */
export interface Unit {
  readonly nominal: Map<string, number>;
  readonly worst: Map<string, number>;
  /** Mean time from the request's arrival at the node to its answer, without queueing. */
  responseMs: number;
}

/** An empty unit: what a cut cycle or an unknown target contributes. */
export function emptyUnit(): Unit {
  return { nominal: new Map(), worst: new Map(), responseMs: 0 };
}

/** Adds `value` to `key` of `map`. */
export function bump(map: Map<string, number>, key: string, value: number): void {
  if (value === 0) return;
  map.set(key, (map.get(key) ?? 0) + value);
}

/** Adds `source` x `factor` into `into`. */
export function addScaled(
  into: Map<string, number>,
  source: ReadonlyMap<string, number>,
  factor: number,
): void {
  if (factor === 0) return;
  for (const [k, v] of source) into.set(k, (into.get(k) ?? 0) + v * factor);
}

/** Reads a key as a number, 0 when absent. */
export function read(map: ReadonlyMap<string, number>, key: string): number {
  return map.get(key) ?? 0;
}

/** Expected attempts of a call whose every attempt fails with probability `p`, retried `r` times. */
export function expectedAttempts(p: number, r: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k <= r; k++) {
    sum += term;
    term *= p;
  }
  return sum;
}
