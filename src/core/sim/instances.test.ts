import { describe, expect, it } from 'vitest';
import { createRun } from '../run/createRun';
import { buildDocument, constant, exponential } from '../run/run.testkit';

function balanced(loadBalancer: Record<string, unknown>, faults: unknown[] = [], serviceMeanMs = 5) {
  return buildDocument({
    nodes: [
      {
        id: 'load',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec: 200 } },
      },
      {
        id: 'svc',
        kind: 'service',
        config: { instances: 2, concurrency: 100, serviceTimeMs: exponential(serviceMeanMs) },
      },
    ],
    edges: [
      { source: 'load', target: 'svc', config: { latencyMs: constant(0), timeoutMs: 0, loadBalancer } },
    ],
    scenario: { durationSec: 30, faults },
  });
}

describe('per-instance numbers', () => {
  it('show a weighted 25/75 balancer sending 25 +- 2 % of the requests to the first instance', () => {
    const run = createRun(balanced({ policy: 'weighted', weights: [25, 75] }));
    run.runToEnd();
    const [first, second] = run.summary().nodes.svc!.instances!;
    const share = first!.completed / (first!.completed + second!.completed);
    expect(first!.completed + second!.completed).toBeGreaterThan(5000);
    expect(Math.abs(share - 0.25)).toBeLessThan(0.02);
    // Utilisation follows the load: about 50/s and 150/s x 5 ms over 100 slots (rounded to 0.001).
    expect(first!.utilization).toBeGreaterThanOrEqual(0.002);
    expect(first!.utilization).toBeLessThanOrEqual(0.003);
    expect(second!.utilization).toBeGreaterThanOrEqual(0.007);
    expect(second!.utilization).toBeLessThanOrEqual(0.008);
  });

  it('add up to the node: every answer an instance gave is counted once, by outcome', () => {
    const run = createRun(
      balanced({ policy: 'roundRobin' }, [{ kind: 'killInstance', atSec: 10, nodeId: 'svc' }], 200),
    );
    run.runToEnd();
    const svc = run.summary().nodes.svc!;
    const [first, second] = svc.instances!;
    expect([first!.id, first!.healthy, second!.id, second!.healthy]).toEqual([0, false, 1, true]);
    expect(first!.failed).toBeGreaterThan(0);
    expect(first!.completed + second!.completed).toBe(svc.completed);
    expect(first!.failed + second!.failed).toBe(svc.failed);
  });

  it('report accepted latency without the fast refusals a full queue answers at 0 ms', () => {
    const doc = buildDocument({
      nodes: [
        {
          id: 'load',
          kind: 'client',
          config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 50 } },
        },
        {
          id: 'svc',
          kind: 'service',
          config: { instances: 1, concurrency: 1, queueCapacity: 0, serviceTimeMs: constant(40) },
        },
      ],
      edges: [{ source: 'load', target: 'svc', config: { latencyMs: constant(0), timeoutMs: 0 } }],
      scenario: { durationSec: 20, warmupSec: 0 },
    });
    const run = createRun(doc);
    run.runToEnd();
    const svc = run.summary().nodes.svc!;
    // Every other request finds the slot taken: half the answers are 503s at 0 ms.
    expect(svc.rejected).toBeGreaterThan(400);
    expect(svc.latencyMs.mean).toBeCloseTo(20, 0);
    expect(svc.acceptedLatencyMs.mean).toBeCloseTo(40, 3);
    expect(svc.acceptedLatencyMs.p50).toBeCloseTo(40, 0);
  });
});
