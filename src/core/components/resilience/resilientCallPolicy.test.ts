import { describe, expect, it } from 'vitest';
import { serviceRuntime } from '../../kinds/service/runtime';
import { createRun } from '../../run/createRun';
import { buildDocument, constant } from '../../run/run.testkit';
import { breakerStateOf } from '../../sim/breakerState';
import { EDGE_COL, EDGE_STRIDE } from '../../sim/columns';
import type { NodeRequest } from '../../sim/types';

/** client -> order -> payment, with the order->payment edge configured per test. */
function checkout(opts: {
  edge?: Record<string, unknown>;
  payment?: Record<string, unknown>;
  faults?: unknown[];
  ratePerSec?: number;
  durationSec?: number;
}) {
  const durationSec = opts.durationSec ?? 20;
  return buildDocument({
    nodes: [
      {
        id: 'client',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: opts.ratePerSec ?? 50 } },
      },
      {
        id: 'order',
        kind: 'service',
        config: {
          instances: 1,
          concurrency: 1000,
          serviceTimeMs: constant(1),
          endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'payment', path: '/charge' }] }],
        },
      },
      {
        id: 'payment',
        kind: 'service',
        config: { instances: 2, concurrency: 1000, serviceTimeMs: constant(5), ...opts.payment },
      },
    ],
    edges: [
      { source: 'client', target: 'order', config: { latencyMs: constant(0), timeoutMs: 0 } },
      { source: 'order', target: 'payment', config: { latencyMs: constant(1), ...opts.edge } },
    ],
    // Arrivals stop 2 s before the end so every call has ended when the run does.
    scenario: {
      durationSec,
      faults: opts.faults ?? [],
      workloadChanges: [{ atSec: durationSec - 2, nodeId: 'client', ratePerSec: 0 }],
    },
  });
}

const breaker = {
  slidingWindowType: 'count',
  slidingWindowSize: 20,
  minimumNumberOfCalls: 10,
  failureRateThreshold: 50,
  waitDurationInOpenStateMs: 2000,
  permittedNumberOfCallsInHalfOpenState: 3,
};

interface Transition {
  atMs: number;
  from: string;
  to: string;
}

describe('circuit breaker on a sync edge', () => {
  const doc = checkout({
    edge: { breaker, fallback: { kind: 'static', status: 200 }, timeoutMs: 1000 },
    faults: [
      { kind: 'killInstance', atSec: 5, nodeId: 'payment', instance: 0 },
      { kind: 'killInstance', atSec: 5, nodeId: 'payment', instance: 1 },
      { kind: 'restartInstance', atSec: 12, nodeId: 'payment', instance: 0 },
      { kind: 'restartInstance', atSec: 12, nodeId: 'payment', instance: 1 },
    ],
  });
  const run = createRun(doc);
  run.runToEnd();
  const s = run.summary();
  const edge = s.edges['order-payment']!;
  const b = edge.breaker as { state: string; transitions: Transition[]; rejected: number };

  it('opens within the window once the payment service is dead (10 failed calls at 50/s)', () => {
    const open = b.transitions[0]!;
    expect(open).toMatchObject({ from: 'CLOSED', to: 'OPEN' });
    expect(open.atMs).toBeGreaterThan(5000);
    expect(open.atMs).toBeLessThan(5500);
  });

  it('rejects calls while open and serves them, like failures, from the fallback', () => {
    expect(b.rejected).toBeGreaterThan(200);
    expect(edge.rejected).toBe(b.rejected);
    // Rejected calls count as failed calls of the edge, and the fallback answers every failed call.
    expect(edge.fallbacks).toBe(edge.failed);
    expect(edge.failed).toBeGreaterThan(edge.rejected);
    expect(s.requests.failed).toBe(0);
    expect(s.nodes.payment!.arrived).toBeLessThan(edge.calls - b.rejected + 1);
  });

  it('probes in half-open after the wait, re-opens while payment is down, and closes after the restart', () => {
    const pairs = b.transitions.map((t) => `${t.from}>${t.to}`);
    expect(pairs).toContain('OPEN>HALF_OPEN');
    expect(pairs).toContain('HALF_OPEN>OPEN');
    const last = b.transitions[b.transitions.length - 1]!;
    expect(last).toMatchObject({ from: 'HALF_OPEN', to: 'CLOSED' });
    expect(last.atMs).toBeGreaterThan(12000);
    expect(last.atMs).toBeLessThan(14100);
    expect(b.state).toBe('CLOSED');
    // Each half-open spell starts strictly after the open wait.
    for (let i = 1; i < b.transitions.length; i++) {
      const t = b.transitions[i]!;
      if (t.to === 'HALF_OPEN') expect(t.atMs - b.transitions[i - 1]!.atMs).toBeGreaterThan(2000);
    }
  });

  it('timestamps every transition in the event log', () => {
    const lines = run.log().filter((e) => e.type === 'breaker');
    expect(lines.length).toBe(b.transitions.length);
    expect(lines[0]!.atMs).toBe(b.transitions[0]!.atMs);
    expect(lines[0]!.message).toContain('CLOSED -> OPEN');
    expect(s.invariants.ok).toBe(true);
  });

  it('shows the state in live frames as its breaker number', () => {
    const r = createRun(doc);
    const stateAt = (ms: number) => {
      r.advance(ms);
      const f = r.snapshot();
      const i = r.layout().edgeIds.indexOf('order-payment');
      return breakerStateOf(f.edgeStats[i * EDGE_STRIDE + EDGE_COL.breakerState]!);
    };
    expect(stateAt(4000)).toBe('CLOSED');
    expect(stateAt(6000)).toBe('OPEN');
    expect(stateAt(19000)).toBe('CLOSED');
  });

  it('a timeout counts as a failure: a slow callee opens the breaker too', () => {
    const slow = createRun(
      checkout({
        edge: { breaker, timeoutMs: 20 },
        payment: { serviceTimeMs: constant(50) },
        durationSec: 6,
      }),
    );
    slow.runToEnd();
    const e = slow.summary().edges['order-payment']!;
    expect((e.breaker as { transitions: Transition[] }).transitions[0]).toMatchObject({ to: 'OPEN' });
    expect(e.timeouts).toBeGreaterThanOrEqual(10);
  });
});

describe('retries and load balancing through the resilient policy', () => {
  it('retries amplify load: 2 retries on a 100 % failing callee give it 3x the calls', () => {
    const run = createRun(
      checkout({ edge: { retry: { maxRetries: 2 } }, payment: { errorRate: 1 }, durationSec: 8 }),
    );
    run.runToEnd();
    const s = run.summary();
    const edge = s.edges['order-payment']!;
    expect(edge.calls).toBeGreaterThan(250);
    expect(s.nodes.payment!.arrived).toBe(3 * edge.calls);
  });

  function perInstance(edge: Record<string, unknown>): number[] {
    const counts = [0, 0];
    const run = createRun(checkout({ edge, ratePerSec: 400, durationSec: 12 }), {
      kindRuntimes: {
        service: {
          create(world, node) {
            const rt = serviceRuntime.create(world, node);
            if (node.id !== 'payment') return rt;
            const handle = rt.handle.bind(rt);
            rt.handle = (req: NodeRequest) => {
              counts[req.instance]!++;
              handle(req);
            };
            return rt;
          },
        },
      },
    });
    run.runToEnd();
    return counts;
  }

  it('weights 25/75 split calls within statistical tolerance (4 sigma)', () => {
    const [a, b] = perInstance({ loadBalancer: { policy: 'weighted', weights: [25, 75] } }) as [
      number,
      number,
    ];
    const n = a + b;
    expect(n).toBeGreaterThan(3500);
    const sigma = Math.sqrt((0.25 * 0.75) / n);
    expect(Math.abs(a / n - 0.25)).toBeLessThan(4 * sigma);
  });

  it('weight 0 gets nothing', () => {
    const [a, b] = perInstance({ loadBalancer: { policy: 'weighted', weights: [0, 1] } }) as [number, number];
    expect(a).toBe(0);
    expect(b).toBeGreaterThan(3500);
  });

  it('consistent hash sends every request with the same key to one instance', () => {
    const doc = checkout({ edge: { loadBalancer: { policy: 'consistentHash', hashHeader: 'x-user-id' } } });
    (doc.nodes[0]!.config as { requestMix: { headers: Record<string, string> }[] }).requestMix[0]!.headers = {
      'x-user-id': 'u-42',
    };
    const counts = [0, 0];
    const run = createRun(doc, {
      durationSec: 5,
      kindRuntimes: {
        service: {
          create(world, node) {
            const rt = serviceRuntime.create(world, node);
            const handle = rt.handle.bind(rt);
            if (node.id === 'payment') {
              rt.handle = (req: NodeRequest) => {
                counts[req.instance]!++;
                handle(req);
              };
            }
            return rt;
          },
        },
      },
    });
    run.runToEnd();
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBeGreaterThan(100);
  });
});
