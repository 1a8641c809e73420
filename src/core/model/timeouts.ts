/**
 * The deadline that applies when two timeouts stack (a gateway route and its edge): the tighter one,
 * where 0 means none, so that the analysis and the runtime cut a request at the same moment.
 */
export function tighterTimeoutMs(aMs: number, bMs: number): number {
  if (aMs === 0) return bMs;
  if (bMs === 0) return aMs;
  return Math.min(aMs, bMs);
}
