import { describe, expect, it } from 'vitest';
import { createRun } from '../run/createRun';
import { buildDocument, constant, exponential } from '../run/run.testkit';

/** Poisson client -> gateway (1 instance, 1 slot) -> service (1 instance, 1 slot), no network time. */
function tandem(gatewayIoModel: 'eventLoop' | 'threadPerRequest', durationSec: number, extra = {}) {
  return buildDocument({
    nodes: [
      {
        id: 'load',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec: 80 } },
      },
      {
        id: 'gw',
        kind: 'gateway',
        config: {
          instances: 1,
          concurrency: 1,
          queueCapacity: 1_000_000,
          serviceTimeMs: exponential(10),
          ioModel: gatewayIoModel,
          maxConnections: 1_000_000,
          routes: [{ pathPrefix: '/', target: 'svc', timeoutMs: 0 }],
          ...extra,
        },
      },
      {
        id: 'svc',
        kind: 'service',
        config: { instances: 1, concurrency: 1, queueCapacity: 1_000_000, serviceTimeMs: exponential(10) },
      },
    ],
    edges: [
      { source: 'load', target: 'gw', config: { latencyMs: constant(0), timeoutMs: 0 } },
      { source: 'gw', target: 'svc', config: { latencyMs: constant(0), timeoutMs: 0 } },
    ],
    scenario: { durationSec, seed: 21, warmupSec: 100 },
  });
}

describe('I/O model', () => {
  it('an eventLoop gateway before a service is two M/M/1 in tandem: mean within 2 % of 50 + 50 ms', () => {
    // 80/s for 6,500 s is about 500 k requests after warm-up (seeds spread the mean by ~1 %).
    const run = createRun(tandem('eventLoop', 6500), { traceSampleEvery: 0 });
    run.runToEnd();
    const s = run.summary();
    const gw = s.nodes.gw!;
    expect(gw.completed).toBeGreaterThan(500_000);
    expect(Math.abs(gw.latencyMs.mean - 100) / 100).toBeLessThan(0.02);
    // The gateway's slot is busy only for its own work: utilisation 80/s x 10 ms.
    expect(Math.abs(gw.utilization - 0.8)).toBeLessThan(0.01);
    expect(s.invariants.ok).toBe(true);
  });

  it('a threadPerRequest gateway holds its one slot through the call and saturates at 80/s', () => {
    const run = createRun(tandem('threadPerRequest', 300), { traceSampleEvery: 0 });
    run.runToEnd();
    const gw = run.summary().nodes.gw!;
    // Each request holds the slot ~20 ms: capacity ~50/s, so the queue grows without bound.
    expect(gw.throughputPerSec).toBeLessThan(55);
    expect(gw.queueDepth).toBeGreaterThan(5_000);
    expect(gw.utilization).toBeGreaterThan(0.99);
  });

  it('refuses with a fast 503 beyond maxConnections under eventLoop, however free the slots are', () => {
    const doc = buildDocument({
      nodes: [
        {
          id: 'load',
          kind: 'client',
          config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 100 } },
        },
        {
          id: 'gw',
          kind: 'gateway',
          config: {
            instances: 1,
            concurrency: 1,
            serviceTimeMs: constant(1),
            ioModel: 'eventLoop',
            maxConnections: 10,
            routes: [{ pathPrefix: '/', target: 'svc', timeoutMs: 0 }],
          },
        },
        {
          id: 'svc',
          kind: 'service',
          config: { instances: 1, concurrency: 1000, serviceTimeMs: constant(500) },
        },
      ],
      edges: [
        { source: 'load', target: 'gw', config: { latencyMs: constant(0), timeoutMs: 0 } },
        { source: 'gw', target: 'svc', config: { latencyMs: constant(0), timeoutMs: 0 } },
      ],
      scenario: { durationSec: 10 },
    });
    const run = createRun(doc);
    run.runToEnd();
    const s = run.summary();
    const gw = s.nodes.gw!;
    // 100/s x ~0.5 s = ~50 wanted at once; 10 connections serve 20/s, the rest is refused at 0 ms.
    expect(gw.rejected).toBeGreaterThan(700);
    expect(gw.completed).toBeGreaterThan(180);
    expect(gw.completed).toBeLessThanOrEqual(202);
    expect(gw.inFlight).toBeLessThanOrEqual(10);
    expect(gw.latencyMs.p50).toBe(0);
    expect(gw.acceptedLatencyMs.p50).toBeGreaterThan(500);
    expect(s.invariants.ok).toBe(true);
  });

  it('a killed eventLoop instance answers every request it held, waiting ones included', () => {
    const doc = tandem('eventLoop', 20);
    doc.scenario.faults = [{ kind: 'killInstance', atSec: 10, nodeId: 'gw', instance: 0 }];
    const run = createRun(doc);
    run.runToEnd();
    const s = run.summary();
    expect(s.nodes.gw!.inFlight).toBe(0);
    expect(s.nodes.gw!.instances![0]!.healthy).toBe(false);
    expect(s.invariants.ok).toBe(true);
  });
});
