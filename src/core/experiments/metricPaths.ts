import type { RunSummary } from './coreApi';

/** Top-level summary fields that describe the run rather than measure it. */
const SKIPPED = new Set(['seed', 'durationSec', 'simulatedSec', 'warmupSec', 'invariants']);

/**
 * Maps that list only what a run had (a node's failure causes): a path absent from a run is a zero
 * there, so averaging the runs that have it would overstate it. `failures.byCause` lists every cause
 * and stays.
 */
const SPARSE = new Set(['failures.byNode', 'failures.byEdge']);

/**
 * Every number of a run summary by its dotted path (`nodes.web.latencyMs.p99`, `requests.failed`),
 * in the summary's own key order. Arrays (histories, route lists), strings (breaker states) and the
 * sparse failure maps are left out: they are records of one run, not quantities to average. Ids may hold dots; the paths are
 * keys to read, never parsed back.
 */
export function metricPaths(summary: RunSummary): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (value: unknown, path: string) => {
    if (SPARSE.has(path)) return;
    if (typeof value === 'number') out[path] = value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`);
    }
  };
  for (const [key, value] of Object.entries(summary)) if (!SKIPPED.has(key)) walk(value, key);
  return out;
}
