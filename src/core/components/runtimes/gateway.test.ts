import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';

function gatewayDoc(gateway: Record<string, unknown>, mix: unknown[], durationSec = 10) {
  return buildDocument({
    nodes: [
      {
        id: 'web',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 100 }, requestMix: mix },
      },
      { id: 'gw', kind: 'gateway', config: { serviceTimeMs: constant(1), ...gateway } },
      { id: 'orders', kind: 'service', config: { serviceTimeMs: constant(2) } },
      { id: 'admin', kind: 'service', config: { serviceTimeMs: constant(2) } },
    ],
    edges: [
      { source: 'web', target: 'gw', config: { latencyMs: constant(0) } },
      { source: 'gw', target: 'orders', config: { latencyMs: constant(1) } },
      { source: 'gw', target: 'admin', config: { latencyMs: constant(1) } },
    ],
    scenario: { durationSec, workloadChanges: [{ atSec: durationSec - 1, nodeId: 'web', ratePerSec: 0 }] },
  });
}

function gatewaySummary(doc: ReturnType<typeof gatewayDoc>) {
  const run = createRun(doc);
  run.runToEnd();
  const s = run.summary();
  return { s, gw: entryOf(s, 'gw', 'gateway').gateway };
}

describe('API gateway', () => {
  const routes = [
    { pathPrefix: '/admin', headers: { 'X-Role': 'admin' }, target: 'admin' },
    { pathPrefix: '/', target: 'orders' },
  ];

  it('routes by path prefix and header, first match wins; no match is 404', () => {
    const { s, gw } = gatewaySummary(
      gatewayDoc({ routes: [routes[0], { pathPrefix: '/orders', target: 'orders' }] }, [
        { path: '/admin/users', headers: { 'x-role': 'admin' } },
        { path: '/admin/users' },
        { path: '/orders/1' },
      ]),
    );
    expect(gw.notFound).toBeGreaterThan(200);
    expect(s.nodes.admin!.arrived).toBe(gw.routes[0]!.requests);
    expect(s.nodes.orders!.arrived).toBe(gw.routes[1]!.requests);
    // Header names match case-insensitively; the header-less /admin request matches nothing.
    expect(gw.routes[0]!.requests).toBeGreaterThan(200);
    expect(gw.notFound + gw.routes[0]!.requests + gw.routes[1]!.requests).toBe(s.nodes.gw!.arrived);
  });

  it('answers 401 when the required header is missing, before spending rate-limit tokens', () => {
    const { s, gw } = gatewaySummary(
      gatewayDoc({ routes, auth: { requiredHeader: 'Authorization' } }, [
        { path: '/orders', headers: { authorization: 'Bearer t' } },
        { path: '/orders' },
      ]),
    );
    expect(gw.unauthorized).toBeGreaterThan(300);
    expect(s.nodes.orders!.arrived + gw.unauthorized).toBe(s.nodes.gw!.arrived);
    expect(s.nodes.gw!.failed).toBe(gw.unauthorized);
  });

  it('rate-limits with a token bucket: burst + rate x time pass, the rest get 429', () => {
    const { s, gw } = gatewaySummary(
      gatewayDoc({ routes, rateLimit: { ratePerSec: 20, burst: 5 } }, [{ path: '/orders' }]),
    );
    const passed = s.nodes.orders!.arrived;
    // Arrivals run 9 s at 100/s: at most 5 + 20 * 9 tokens exist by then.
    expect(passed).toBeLessThanOrEqual(5 + 20 * 9);
    expect(passed).toBeGreaterThan(5 + 20 * 9 - 3);
    expect(gw.rateLimited).toBe(s.nodes.gw!.arrived - passed);
    expect(s.requests.failed).toBe(gw.rateLimited);
  });

  it('applies the route timeout to the upstream call (504 when the upstream is slower)', () => {
    const doc = gatewayDoc(
      { routes: [{ pathPrefix: '/', target: 'orders', timeoutMs: 50 }] },
      [{ path: '/x' }],
      4,
    );
    (doc.nodes[2]!.config as { serviceTimeMs: unknown }).serviceTimeMs = constant(80);
    const run = createRun(doc);
    run.runToEnd();
    const s = run.summary();
    expect(s.edges['gw-orders']!.timeouts).toBe(s.edges['gw-orders']!.calls);
    expect(s.requests.failed).toBe(s.requests.total);
  });
});
