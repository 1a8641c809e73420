import type { NodeSummary } from '../../worker/protocol';

/** One route of a proxy's summary: the seed's record_metrics (count, total time, errors). */
type RouteMetrics = NodeSummary<'proxy'>['proxy']['routes'][number];

/** A route's numbers as the state panel shows them, in its cards and its chart. */
export interface RouteRow {
  route: string;
  requests: number;
  errors: number;
  /** totalTimeMs / count; 0 for a route no request took yet. */
  meanMs: number;
  /** errors / count, a fraction; 0 for a route no request took yet. */
  errorShare: number;
}

/** A proxy's per-route metrics as rows: mean time and error share derived, 0 where nothing ran. */
export function routeRows(routes: readonly RouteMetrics[]): RouteRow[] {
  return routes.map((r) => ({
    route: r.name,
    requests: r.count,
    errors: r.errors,
    meanMs: r.count > 0 ? r.totalTimeMs / r.count : 0,
    errorShare: r.count > 0 ? r.errors / r.count : 0,
  }));
}

/** The state card of a proxy's i-th route (the panel places the proxy's route chart before card 0). */
export const routeCardId = (proxyId: string, i: number) => `route-${proxyId}-${i}`;
