import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';

function meshDoc(opts: {
  proxy: Record<string, unknown>;
  mix?: unknown[];
  ratePerSec?: number;
  v1?: Record<string, unknown>;
  faults?: unknown[];
  durationSec?: number;
  extraNodes?: { id: string; kind: string; config?: Record<string, unknown> }[];
  extraEdges?: { source: string; target: string; kind?: string; config?: Record<string, unknown> }[];
}) {
  const durationSec = opts.durationSec ?? 10;
  return buildDocument({
    nodes: [
      {
        id: 'web',
        kind: 'client',
        config: {
          workload: { kind: 'open', arrival: 'constant', ratePerSec: opts.ratePerSec ?? 200 },
          requestMix: opts.mix ?? [{ path: '/' }],
        },
      },
      { id: 'mesh', kind: 'proxy', config: opts.proxy },
      { id: 'v1', kind: 'service', config: { instances: 3, serviceTimeMs: constant(2), ...opts.v1 } },
      { id: 'v2', kind: 'service', config: { instances: 1, serviceTimeMs: constant(2), version: 'v2' } },
      ...(opts.extraNodes ?? []),
    ],
    edges: [
      { source: 'web', target: 'mesh', config: { latencyMs: constant(0) } },
      { source: 'mesh', target: 'v1', config: { latencyMs: constant(1) } },
      { source: 'mesh', target: 'v2', config: { latencyMs: constant(1) } },
      ...(opts.extraEdges ?? []),
    ],
    scenario: {
      durationSec,
      faults: opts.faults ?? [],
      workloadChanges: [{ atSec: durationSec - 1, nodeId: 'web', ratePerSec: 0 }],
    },
  });
}

const canaryRoutes = [
  {
    name: 'canary-header',
    match: { headers: { 'x-canary': { kind: 'exact', value: 'true' } } },
    destinations: [{ target: 'v2' }],
  },
  {
    name: 'split',
    destinations: [
      { target: 'v1', weight: 90 },
      { target: 'v2', weight: 10 },
    ],
  },
];

function summarize(doc: ReturnType<typeof meshDoc>) {
  const run = createRun(doc);
  run.runToEnd();
  const s = run.summary();
  return { run, s, proxy: entryOf(s, 'mesh', 'proxy').proxy };
}

describe('sidecar proxy', () => {
  it('routes x-canary: true to v2 (first match wins) and splits the rest 90/10', () => {
    const { s, proxy } = summarize(
      meshDoc({
        proxy: { routes: canaryRoutes },
        mix: [
          { weight: 1, path: '/', headers: { 'x-canary': 'true' } },
          { weight: 4, path: '/' },
        ],
      }),
    );
    const [header, split] = [proxy.routes[0]!, proxy.routes[1]!];
    expect(header.count + split.count).toBe(s.nodes.mesh!.arrived);
    const v2FromSplit = s.nodes.v2!.arrived - header.count;
    const share = v2FromSplit / split.count;
    const sigma = Math.sqrt((0.1 * 0.9) / split.count);
    expect(split.count).toBeGreaterThan(1200);
    expect(Math.abs(share - 0.1)).toBeLessThan(4 * sigma);
    expect(s.nodes.v1!.arrived).toBe(split.count - v2FromSplit);
    // Per-route metrics as record_metrics: total time grows with the count, no errors here.
    expect(split.totalTimeMs / split.count).toBeGreaterThan(3);
    expect(split.errors).toBe(0);
  });

  it('no matching route is a 404 from the proxy', () => {
    const { s, proxy } = summarize(
      meshDoc({ proxy: { routes: [canaryRoutes[0]] }, mix: [{ path: '/' }], durationSec: 3 }),
    );
    expect(proxy.notFound).toBe(s.nodes.mesh!.arrived);
    expect(s.nodes.v2!.arrived).toBe(0);
  });

  it('a DENY match beats an ALLOW match (403); with ALLOW policies, unmatched requests are denied too', () => {
    const { s, proxy } = summarize(
      meshDoc({
        proxy: {
          policies: [
            { action: 'ALLOW', paths: ['/api*', '/admin*'] },
            { action: 'DENY', paths: ['/admin*'] },
          ],
        },
        mix: [{ path: '/api/x' }, { path: '/admin/x' }, { path: '/other' }],
      }),
    );
    expect(proxy.denied).toBeGreaterThan(1000);
    expect(s.nodes.v1!.arrived).toBe(s.nodes.mesh!.arrived - proxy.denied);
    expect(s.nodes.mesh!.failed).toBe(proxy.denied);
    // Roughly a third of the traffic is /api and passes.
    expect(s.nodes.v1!.arrived / s.nodes.mesh!.arrived).toBeGreaterThan(0.28);
    expect(s.nodes.v1!.arrived / s.nodes.mesh!.arrived).toBeLessThan(0.39);
  });

  it('STRICT mTLS resets plaintext callers from outside the mesh; PERMISSIVE lets them in', () => {
    const strict = summarize(meshDoc({ proxy: { mtls: 'STRICT' }, durationSec: 3 }));
    expect(strict.proxy.mtlsRefused).toBe(strict.s.nodes.mesh!.arrived);
    expect(strict.s.edges['web-mesh']!.connectFailures).toBe(strict.s.edges['web-mesh']!.calls);
    const permissive = summarize(meshDoc({ proxy: { mtls: 'PERMISSIVE' }, durationSec: 3 }));
    expect(permissive.proxy.mtlsRefused).toBe(0);
    expect(permissive.s.requests.failed).toBe(0);
  });

  it('principals match only over mTLS: a sidecar-carried caller is allowed, a plaintext one is not', () => {
    const doc = buildDocument({
      nodes: [
        {
          id: 'web',
          kind: 'client',
          config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 50 } },
        },
        {
          id: 'outsider',
          kind: 'client',
          config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 50 } },
        },
        {
          id: 'front',
          kind: 'service',
          config: { endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'mesh', path: '/' }] }] },
        },
        { id: 'front-sidecar', kind: 'proxy', config: { attachedTo: 'front' } },
        {
          id: 'mesh',
          kind: 'proxy',
          config: { attachedTo: 'v1', policies: [{ action: 'ALLOW', principals: ['front'] }] },
        },
        { id: 'v1', kind: 'service' },
      ],
      edges: [
        { source: 'web', target: 'front' },
        { source: 'outsider', target: 'mesh' },
        { source: 'front', target: 'mesh' },
        { source: 'front-sidecar', target: 'front' },
        { source: 'mesh', target: 'v1' },
      ],
      scenario: {
        durationSec: 3,
        workloadChanges: [
          { atSec: 2, nodeId: 'web', ratePerSec: 0 },
          { atSec: 2, nodeId: 'outsider', ratePerSec: 0 },
        ],
      },
    });
    const run = createRun(doc);
    run.runToEnd();
    const s = run.summary();
    const proxy = entryOf(s, 'mesh', 'proxy').proxy;
    expect(s.nodes.front!.failed).toBe(0);
    expect(s.nodes.outsider!.failed).toBe(s.nodes.outsider!.arrived);
    expect(proxy.denied).toBe(s.nodes.outsider!.arrived);
    expect(s.nodes.v1!.arrived).toBe(s.nodes.front!.arrived);
  });

  it('connection-pool overflow is a fast 503', () => {
    const { s, proxy } = summarize(
      meshDoc({
        proxy: { connectionPool: { maxConnections: 2, maxPendingRequests: 3 } },
        v1: { serviceTimeMs: constant(50) },
        durationSec: 4,
      }),
    );
    expect(proxy.overflowed).toBeGreaterThan(300);
    expect(s.nodes.mesh!.rejected).toBe(proxy.overflowed);
    // Two connections at ~53 ms each serve under 40 requests a second.
    expect(s.nodes.v1!.arrived).toBeLessThan(40 * 4);
  });

  it('outlier detection ejects a dead instance after 5 consecutive 5xx, long before health checks would', () => {
    const { s, proxy } = summarize(
      meshDoc({
        proxy: {},
        ratePerSec: 60,
        faults: [{ kind: 'killInstance', atSec: 3, nodeId: 'v1', instance: 0 }],
      }),
    );
    const edge = s.edges['mesh-v1']!;
    const outlier = edge.outlier!;
    expect(proxy.ejections.v1).toBe(1);
    const e = outlier.ejections[0]!;
    expect(e.instance).toBe(0);
    expect(e.atMs).toBeGreaterThan(3000);
    expect(e.atMs).toBeLessThan(3500);
    expect(e.untilMs - e.atMs).toBe(30_000);
    // Exactly the five failures that ejected it reached the dead instance.
    expect(edge.connectFailures).toBe(5);
  });
});
