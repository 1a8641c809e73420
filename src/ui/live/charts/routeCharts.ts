import type { RunReport } from '../../../worker/protocol';
import { type RouteRow, routeCardId, routeRows } from '../../kinds/proxyRoutes';
import { round } from '../../kinds/stateCard';
import { formatCount, formatPercent } from '../liveFormat';

/** One sidecar proxy's per-route chart of the state panel. */
export interface RouteChartModel {
  proxyId: string;
  /** The proxy's label. */
  title: string;
  /** The state card the chart stands before: the proxy's first route card. */
  beforeCardId: string;
  rows: RouteRow[];
  /** The chart's accessible name: every route's numbers, written as its cards write them. */
  description: string;
}

/** A route's numbers in words, formatted like its card's facts (requests, errors, mean). */
function describeRoute(r: RouteRow): string {
  return `${r.route}: ${formatCount(r.requests)} requests, ${formatCount(r.errors)} errors (${formatPercent(r.errorShare)}), mean ${round(r.meanMs)} ms`;
}

/** One chart per proxy of the run summary that reports routes, in the summary's node order. */
export function routeCharts(summary: RunReport | null, labelOf: (id: string) => string): RouteChartModel[] {
  if (!summary) return [];
  const charts: RouteChartModel[] = [];
  for (const [id, node] of Object.entries(summary.nodes)) {
    if (node.kind !== 'proxy' || node.proxy.routes.length === 0) continue;
    const rows = routeRows(node.proxy.routes);
    const title = labelOf(id);
    charts.push({
      proxyId: id,
      title,
      beforeCardId: routeCardId(id, 0),
      rows,
      description: `Routes of ${title}. ${rows.map(describeRoute).join('; ')}.`,
    });
  }
  return charts;
}
