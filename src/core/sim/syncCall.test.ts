import { describe, expect, it } from 'vitest';
import { createRun } from '../run/createRun';
import { buildDocument, constant } from '../run/run.testkit';

/** client -> front (one call step to back) -> back, with the front->back edge configured per test. */
function chain(opts: {
  backErrorRate?: number;
  backWorkMs?: number;
  edge?: Record<string, unknown>;
  ratePerSec?: number;
  durationSec?: number;
}) {
  return buildDocument({
    nodes: [
      {
        id: 'client',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: opts.ratePerSec ?? 10 } },
      },
      {
        id: 'front',
        kind: 'service',
        config: {
          instances: 1,
          concurrency: 1000,
          serviceTimeMs: constant(1),
          endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'back', path: '/' }] }],
        },
      },
      {
        id: 'back',
        kind: 'service',
        config: {
          instances: 2,
          concurrency: 1000,
          serviceTimeMs: constant(opts.backWorkMs ?? 5),
          errorRate: opts.backErrorRate ?? 0,
        },
      },
    ],
    edges: [
      { source: 'client', target: 'front', config: { latencyMs: constant(0), timeoutMs: 0 } },
      { source: 'front', target: 'back', config: { latencyMs: constant(1), ...opts.edge } },
    ],
    // Arrivals stop 2 s before the end so every call has ended when the run does.
    scenario: {
      durationSec: opts.durationSec ?? 10,
      workloadChanges: [{ atSec: (opts.durationSec ?? 10) - 2, nodeId: 'client', ratePerSec: 0 }],
    },
  });
}

function runToEnd(doc: ReturnType<typeof chain>) {
  const run = createRun(doc);
  run.runToEnd();
  return run.summary();
}

describe('sync calls', () => {
  it('retries amplify load: 2 retries on a 100 % failing callee give it 3x the calls', () => {
    const s = runToEnd(chain({ backErrorRate: 1, edge: { retry: { maxRetries: 2 } } }));
    const edge = s.edges['front-back']!;
    expect(edge.calls).toBeGreaterThan(50);
    expect(edge.inFlight).toBe(0);
    expect(s.nodes.back!.arrived).toBe(3 * edge.calls);
    expect(edge.retries).toBe(2 * edge.calls);
    // Every call failed after its retries, so the front answered 502 each time.
    expect(s.nodes.front!.failed).toBe(s.nodes.front!.arrived);
  });

  it('waits Envoy backoff before retries 1 and 2: a mean of 12.5 + 37.5 = 50 ms per call with a 25 ms base', () => {
    const s = runToEnd(
      chain({
        backErrorRate: 1,
        backWorkMs: 0,
        ratePerSec: 200,
        durationSec: 14,
        edge: { latencyMs: constant(0), timeoutMs: 0, retry: { maxRetries: 2 } },
      }),
    );
    const edge = s.edges['front-back']!;
    expect(edge.retries).toBe(2 * edge.calls);
    // With no work and no network time, a call's duration is its total backoff (sd ~23 ms, ~2000 calls).
    expect(edge.latencyMs.mean).toBeGreaterThan(50 * 0.95);
    expect(edge.latencyMs.mean).toBeLessThan(50 * 1.05);
  });

  it('does not retry outcomes missing from retryOn (500 with only connect listed)', () => {
    const s = runToEnd(chain({ backErrorRate: 1, edge: { retry: { maxRetries: 2, retryOn: ['connect'] } } }));
    expect(s.edges['front-back']!.retries).toBe(0);
    expect(s.nodes.back!.arrived).toBe(s.edges['front-back']!.calls);
  });

  it('one timeout covers all attempts: a slow callee ends the call with 504 at the deadline', () => {
    const s = runToEnd(
      chain({ backWorkMs: 300, edge: { timeoutMs: 100, retry: { maxRetries: 3 } }, ratePerSec: 5 }),
    );
    const edge = s.edges['front-back']!;
    expect(edge.timeouts).toBeGreaterThan(30);
    expect(edge.timeouts).toBe(edge.failed);
    // No attempt ever answered inside the deadline, so no retry was started.
    expect(edge.retries).toBe(0);
    // Call latency is exactly the deadline.
    expect(edge.latencyMs.max).toBeCloseTo(100, 0);
    expect(s.nodes.front!.failed).toBe(s.nodes.front!.arrived - s.nodes.front!.inFlight);
  });

  it('the deadline also cuts a retry sequence short', () => {
    // Every attempt fails after ~7 ms (5 ms work + 2 x 1 ms network); backoff up to 250 ms; deadline 60 ms.
    const s = runToEnd(
      chain({
        backErrorRate: 1,
        edge: { timeoutMs: 60, retry: { maxRetries: 10, baseBackoffMs: 40, maxBackoffMs: 250 } },
      }),
    );
    const edge = s.edges['front-back']!;
    expect(edge.timeouts).toBeGreaterThan(0);
    expect(edge.latencyMs.max).toBeLessThanOrEqual(60 * 1.01);
    expect(edge.attempts / edge.calls).toBeLessThan(11);
  });

  it('a static fallback serves failed calls, so the caller succeeds', () => {
    const s = runToEnd(chain({ backErrorRate: 1, edge: { fallback: { kind: 'static', status: 200 } } }));
    const edge = s.edges['front-back']!;
    expect(edge.failed).toBeGreaterThan(50);
    expect(edge.fallbacks).toBe(edge.failed);
    expect(s.nodes.front!.failed).toBe(0);
    expect(s.requests.failed).toBe(0);
  });
});
