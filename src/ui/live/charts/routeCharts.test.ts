import { describe, expect, it } from 'vitest';
import canary from '../../../../public/examples/service-mesh-canary.json';
import { documentSchema } from '../../../core/model/schema';
import { createRun } from '../../../core/run/createRun';
import { routeRows } from '../../kinds/proxyRoutes';
import { stateCards } from '../stateSections';
import { routeCharts } from './routeCharts';

const label = (id: string) => id.toUpperCase();

/** The mesh canary example's summary after 20 simulated seconds: a sidecar with two routes. */
function canarySummary() {
  const run = createRun(documentSchema.parse(canary), { seed: 7, durationSec: 20 });
  run.runToEnd();
  return run.summary();
}

function proxyRoutes(summary: ReturnType<typeof canarySummary>) {
  const proxy = summary.nodes['reviews-proxy'];
  if (proxy?.kind !== 'proxy') throw new Error('the mesh canary example has a reviews sidecar');
  return proxy.proxy.routes;
}

describe('route charts', () => {
  it('draws nothing before a run', () => {
    expect(routeCharts(null, label)).toEqual([]);
  });

  it('makes one row per route of the run: requests, errors, mean = total time / count, error share', () => {
    const routes = proxyRoutes(canarySummary());
    expect(routes.length).toBe(2);
    expect(routes.every((r) => r.count > 0)).toBe(true);
    const rows = routeRows(routes);
    expect(rows.map((r) => r.route)).toEqual(routes.map((r) => r.name));
    rows.forEach((row, i) => {
      const r = routes[i]!;
      expect(row.requests).toBe(r.count);
      expect(row.errors).toBe(r.errors);
      expect(row.meanMs).toBeCloseTo(r.totalTimeMs / r.count, 9);
      expect(row.errorShare).toBeCloseTo(r.errors / r.count, 12);
    });
  });

  it('gives a route no request took a mean and an error share of 0, not NaN', () => {
    const [first] = proxyRoutes(canarySummary());
    const [row] = routeRows([{ ...first!, count: 0, totalTimeMs: 0, errors: 0 }]);
    expect(row).toEqual({ route: first!.name, requests: 0, errors: 0, meanMs: 0, errorShare: 0 });
  });

  it('charts each proxy once, before its first route card, named by the numbers its cards show', () => {
    const summary = canarySummary();
    const charts = routeCharts(summary, label);
    const proxies = Object.entries(summary.nodes).filter(([, n]) => n.kind === 'proxy');
    expect(charts.map((c) => c.proxyId)).toEqual(proxies.map(([id]) => id));
    const [chart] = charts;
    expect(chart!.title).toBe('REVIEWS-PROXY');
    const cards = stateCards(summary, label);
    expect(cards.some((c) => c.id === chart!.beforeCardId)).toBe(true);
    chart!.rows.forEach((row, i) => {
      const card = cards.find((c) => c.id === `route-reviews-proxy-${i}`)!;
      const fact = (name: string) => card.facts.find((f) => f.label === name)!.value;
      expect(fact('requests')).toBe(row.requests);
      expect(fact('errors')).toBe(row.errors);
      expect(chart!.description).toContain(`${row.route}: `);
      expect(chart!.description).toContain(`mean ${fact('mean')}`);
    });
  });

  it('charts no proxy that reports no route', () => {
    const summary = canarySummary();
    const proxy = summary.nodes['reviews-proxy']!;
    if (proxy.kind !== 'proxy') throw new Error('unreachable');
    const bare = { ...summary, nodes: { p: { ...proxy, proxy: { ...proxy.proxy, routes: [] } } } };
    expect(routeCharts(bare, label)).toEqual([]);
  });
});
