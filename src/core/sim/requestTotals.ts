import type { World } from './world';

/** The system's requests, as its clients count them. */
export interface RequestTotals {
  total: number;
  ok: number;
  failed: number;
  inFlight: number;
}

/**
 * Sums the requests of every client node: what the run summary reports and what the overall
 * conservation invariant (total = ok + failed + in flight) checks.
 */
export function clientRequests(world: World): RequestTotals {
  const totals: RequestTotals = { total: 0, ok: 0, failed: 0, inFlight: 0 };
  for (const node of world.nodes) {
    if (node.kind !== 'client') continue;
    const s = node.stats;
    totals.total += s.arrived;
    totals.ok += s.completed;
    totals.failed += s.failed;
    totals.inFlight += node.inFlight();
  }
  return totals;
}
