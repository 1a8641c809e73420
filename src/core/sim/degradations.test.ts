import { describe, expect, it } from 'vitest';
import { createRun } from '../run/createRun';
import { buildDocument, constant } from '../run/run.testkit';

function twoInstances(faults: unknown[]) {
  return buildDocument({
    nodes: [
      {
        id: 'client',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec: 100 } },
      },
      { id: 'svc', kind: 'service', config: { instances: 2, concurrency: 100, serviceTimeMs: constant(10) } },
    ],
    edges: [{ source: 'client', target: 'svc', config: { latencyMs: constant(0), timeoutMs: 0 } }],
    scenario: { durationSec: 60, warmupSec: 0, faults },
  });
}

describe('gray failure', () => {
  it('slows the given share of one instance by the factor, and no other request', () => {
    const run = createRun(
      twoInstances([{ kind: 'grayFailure', atSec: 0, nodeId: 'svc', instance: 0, share: 0.2, factor: 10 }]),
    );
    run.runToEnd();
    const svc = run.summary().nodes.svc!;
    // Half the requests reach instance 0 and a fifth of those take 100 ms: 10 % of all requests.
    expect(svc.latencyMs.p50).toBeCloseTo(10, 0);
    expect(svc.latencyMs.p95).toBeCloseTo(100, -1);
    expect(svc.latencyMs.mean).toBeGreaterThan(10 + 0.1 * 90 * 0.9);
    expect(svc.latencyMs.mean).toBeLessThan(10 + 0.1 * 90 * 1.1);
    const [slow, healthy] = svc.instances!;
    expect(slow!.utilization).toBeGreaterThan(2 * healthy!.utilization);
  });

  it('ends with its duration: the run is as healthy as without it afterwards', () => {
    const faults = [{ kind: 'grayFailure', atSec: 0, nodeId: 'svc', share: 1, factor: 5, durationSec: 10 }];
    const run = createRun(twoInstances(faults));
    run.advance(20_000);
    const before = run.meter('svc')!;
    run.runToEnd();
    const after = run.meter('svc')!;
    // A window's max is not kept; its p99 is, within the sketch's 1 %.
    expect(after.latency.since(before.latency).quantile(0.99)).toBeCloseTo(10, 0);
  });
});

describe('slow disk and clock skew', () => {
  function store(faults: unknown[]) {
    return buildDocument({
      nodes: [
        {
          id: 'client',
          kind: 'client',
          config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 20 } },
        },
        {
          id: 'svc',
          kind: 'service',
          config: {
            serviceTimeMs: constant(1),
            endpoints: [
              {
                path: '/',
                steps: [
                  { kind: 'append', target: 'store', eventType: 'Done' },
                  { kind: 'log', target: 'router', message: 'done' },
                ],
              },
            ],
          },
        },
        { id: 'store', kind: 'eventStore', config: { appendLatencyMs: constant(2) } },
        { id: 'router', kind: 'logRouter', config: { strategy: 'time', timeBucketMs: 1000 } },
        { id: 'logs-a', kind: 'logStore' },
        { id: 'logs-b', kind: 'logStore' },
      ],
      edges: [
        { source: 'client', target: 'svc', config: { latencyMs: constant(0), timeoutMs: 0 } },
        { source: 'svc', target: 'store', kind: 'eventStore', config: { latencyMs: constant(0) } },
        { source: 'svc', target: 'router', kind: 'log', config: { latencyMs: constant(0) } },
        { source: 'router', target: 'logs-a', kind: 'log', config: { latencyMs: constant(0) } },
        { source: 'router', target: 'logs-b', kind: 'log', config: { latencyMs: constant(0) } },
      ],
      scenario: { durationSec: 20, warmupSec: 0, faults },
    });
  }

  it('multiplies the append latency while the disk is slow', () => {
    const run = createRun(store([{ kind: 'slowDisk', atSec: 15, nodeId: 'store', factor: 25 }]));
    run.runToEnd();
    const s = run.summary().nodes.store!;
    expect(s.latencyMs.p50).toBeCloseTo(2, 1);
    expect(s.latencyMs.max).toBeCloseTo(50, 1);
  });

  it("stamps the node's logs with its skewed clock, so a time query finds them where the clock put them", () => {
    const run = createRun(
      store([{ kind: 'clockSkew', atSec: 10, nodeId: 'svc', skewMs: 60_000, durationSec: 5 }]),
    );
    run.runToEnd();
    const inRun = run.queryLogs({ startMs: 0, endMs: 20_000, limit: 10_000 });
    const shifted = run.queryLogs({ startMs: 60_000, endMs: 80_000, limit: 10_000 });
    // 20 entries a second: 5 s of them carry times a minute ahead.
    expect(shifted.length).toBeGreaterThan(95);
    expect(shifted.length).toBeLessThan(105);
    expect(inRun.length + shifted.length).toBeGreaterThan(395);
    expect(shifted.every((e) => e.timeMs >= 70_000 && e.timeMs < 75_000)).toBe(true);
  });
});
