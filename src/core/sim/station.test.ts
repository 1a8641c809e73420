import { describe, expect, it } from 'vitest';
import { createRun } from '../run/createRun';
import { buildDocument, constant } from '../run/run.testkit';

function single(
  service: Record<string, unknown>,
  ratePerSec: number,
  requestMix?: unknown[],
  durationSec = 10,
) {
  return buildDocument({
    nodes: [
      {
        id: 'client',
        kind: 'client',
        config: {
          workload: { kind: 'open', arrival: 'constant', ratePerSec },
          ...(requestMix ? { requestMix } : {}),
        },
      },
      { id: 'svc', kind: 'service', config: service },
    ],
    edges: [{ source: 'client', target: 'svc', config: { latencyMs: constant(0), timeoutMs: 0 } }],
    scenario: { durationSec },
  });
}

describe('service stations', () => {
  it('a full queue rejects with a fast 503 and never holds more than its capacity', () => {
    const run = createRun(
      single({ instances: 1, concurrency: 1, queueCapacity: 2, serviceTimeMs: constant(100) }, 50),
    );
    run.runToEnd();
    const s = run.summary();
    const svc = s.nodes.svc!;
    // Capacity is 10/s; the rest is refused.
    expect(svc.completed).toBeGreaterThan(90);
    expect(svc.completed).toBeLessThanOrEqual(101);
    expect(svc.rejected).toBeGreaterThan(350);
    expect(svc.failed).toBe(svc.rejected);
    expect(Math.max(...run.series('svc')!.values.queueDepth!)).toBeLessThanOrEqual(2);
    // A rejection is immediate: the client sees those failures with zero latency.
    expect(s.nodes.client!.failed).toBe(svc.rejected);
    expect(s.invariants.ok).toBe(true);
  });

  it('routes by method and path: exact, then longest prefix; unknown path 404, wrong method 405', () => {
    const doc = buildDocument({
      nodes: [
        {
          id: 'client',
          kind: 'client',
          config: {
            workload: { kind: 'open', arrival: 'constant', ratePerSec: 40 },
            requestMix: [
              { method: 'GET', path: '/orders/7' },
              { method: 'DELETE', path: '/orders' },
              { method: 'GET', path: '/nothing' },
              { method: 'GET', path: '/ordersx' },
            ],
          },
        },
        {
          id: 'svc',
          kind: 'service',
          config: {
            endpoints: [
              { method: 'GET', path: '/orders', steps: [{ kind: 'work', durationMs: constant(1) }] },
              { method: 'GET', path: '/orders/7', steps: [{ kind: 'work', durationMs: constant(3) }] },
            ],
          },
        },
      ],
      edges: [{ source: 'client', target: 'svc', config: { latencyMs: constant(0) } }],
      scenario: { durationSec: 20 },
    });
    const run = createRun(doc, { traceSampleEvery: 1 });
    run.runToEnd();
    const statuses = new Map<string, Set<number>>();
    for (const t of run.traces()) {
      const root = t.spans[0]!;
      const set = statuses.get(root.name) ?? new Set();
      if (root.status !== null) set.add(root.status);
      statuses.set(root.name, set);
      if (root.name === 'GET /orders/7') expect(t.spans[2]?.name).toBe('GET /orders/7');
    }
    expect([...statuses.get('GET /orders/7')!]).toEqual([200]);
    expect([...statuses.get('DELETE /orders')!]).toEqual([405]);
    expect([...statuses.get('GET /nothing')!]).toEqual([404]);
    expect([...statuses.get('GET /ordersx')!]).toEqual([404]);
  });

  it('a killed instance fails its in-flight requests, then callers stop picking it after the health-check delay', () => {
    const doc = single({ instances: 2, concurrency: 100, serviceTimeMs: constant(500) }, 100, undefined, 20);
    doc.scenario.faults.push({ kind: 'killInstance', atSec: 2, nodeId: 'svc', instance: 0 });
    const run = createRun(doc);
    run.advance(1999.999);
    const before = run.summary().nodes.svc!;
    expect(before.failed).toBe(0);
    expect(before.healthyInstances).toBe(2);
    run.advance(2000.001);
    const after = run.summary().nodes.svc!;
    // About half of the 50 requests in service (500 ms x 100/s) were on instance 0.
    expect(after.failed).toBeGreaterThan(15);
    expect(after.healthyInstances).toBe(1);
    run.runToEnd();
    const errors = run.series('client')!.values.errors!;
    // Seconds 3..7 see connect failures; from second 9 on every request reaches instance 1.
    expect(errors.slice(3, 7).every((e) => e > 0)).toBe(true);
    expect(errors.slice(8).every((e) => e === 0)).toBe(true);
    expect(run.summary().edges['client-svc']!.connectFailures).toBeGreaterThan(100);
    expect(run.invariants().ok).toBe(true);
  });

  it('a restarted instance takes traffic again', () => {
    const doc = single({ instances: 1, concurrency: 100, serviceTimeMs: constant(5) }, 100, undefined, 12);
    doc.scenario.faults.push(
      { kind: 'killInstance', atSec: 2, nodeId: 'svc', instance: 0 },
      { kind: 'restartInstance', atSec: 8, nodeId: 'svc', instance: 0 },
    );
    const run = createRun(doc);
    run.runToEnd();
    const throughput = run.series('svc')!.values.throughput!;
    expect(throughput[0]).toBeGreaterThan(90);
    // Down from 2 s to 8 s: nothing served in seconds 3..8.
    expect(throughput.slice(2, 8).every((t) => t === 0)).toBe(true);
    expect(throughput[10]).toBeGreaterThan(90);
    expect(run.summary().nodes.svc!.healthyInstances).toBe(1);
  });

  it('the error rate fails that share of requests with 500 after the work', () => {
    const run = createRun(single({ errorRate: 0.3, serviceTimeMs: constant(10) }, 200, undefined, 20));
    run.runToEnd();
    const svc = run.summary().nodes.svc!;
    expect(svc.errorRate).toBeGreaterThan(0.27);
    expect(svc.errorRate).toBeLessThan(0.33);
    // Failures come after the 10 ms of work, so the minimum latency is the work time.
    expect(svc.latencyMs.p50).toBeCloseTo(10, 0);
  });
});
