import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';
import { CONFIG_PUSH_DELAY_MS } from './configServerRuntime';

/** client -> a -> b (50 ms of work); a takes its keys from config server `cfg`. */
function configDoc(server: Record<string, unknown>, faults: unknown[], b: Record<string, unknown> = {}) {
  return buildDocument({
    nodes: [
      {
        id: 'web',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 50 } },
      },
      {
        id: 'a',
        kind: 'service',
        config: {
          instances: 1,
          concurrency: 1000,
          serviceTimeMs: constant(1),
          endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'b', path: '/' }] }],
        },
      },
      { id: 'b', kind: 'service', config: { concurrency: 1000, serviceTimeMs: constant(50), ...b } },
      { id: 'cfg', kind: 'configServer', config: server },
    ],
    edges: [
      { source: 'web', target: 'a', config: { latencyMs: constant(0) } },
      { source: 'a', target: 'b', config: { latencyMs: constant(1), timeoutMs: 1000 } },
      { source: 'a', target: 'cfg', kind: 'config' },
    ],
    scenario: { durationSec: 20, faults, workloadChanges: [{ atSec: 19, nodeId: 'web', ratePerSec: 0 }] },
  });
}

const shortTimeoutAt10s = [
  { kind: 'configChange', atSec: 10, nodeId: 'cfg', service: 'a', key: 'timeoutMs', value: 20 },
];

/** End time (ms) of the first one-second series point of edge a->b with a timeout. */
function firstTimeoutSecond(server: Record<string, unknown>) {
  const run = createRun(configDoc(server, shortTimeoutAt10s));
  run.runToEnd();
  const series = run.series('a-b')!;
  const at = series.atMs.find((_, i) => series.values.timeouts![i]! > 0);
  return { at, summary: run.summary() };
}

describe('config server', () => {
  it('push: a timeout change applies one push delay after the change, not before', () => {
    const { at, summary } = firstTimeoutSecond({ mode: 'push' });
    const cfg = entryOf(summary, 'cfg', 'configServer').config;
    expect(cfg.deliveries).toEqual([{ atMs: 10_000 + CONFIG_PUSH_DELAY_MS, service: 'a', version: 1 }]);
    // Calls from 11 s on time out 20 ms later: the first second with timeouts ends at 12 s.
    expect(at).toBe(12_000);
    expect(cfg.versions.a).toEqual({ server: 1, applied: 1 });
  });

  it('poll: the change waits for the next poll tick (every 4 s from 0, so at 12 s)', () => {
    const { at, summary } = firstTimeoutSecond({ mode: 'poll', pollIntervalMs: 4000 });
    const cfg = entryOf(summary, 'cfg', 'configServer').config;
    expect(cfg.deliveries).toEqual([{ atMs: 12_000, service: 'a', version: 1 }]);
    expect(at).toBe(13_000);
  });

  it('initial keys apply at start: maxRetries 2 makes a failing callee see 3x the calls', () => {
    const run = createRun(configDoc({ keys: { a: { maxRetries: 2 } } }, [], { errorRate: 1 }));
    run.runToEnd();
    const s = run.summary();
    expect(s.edges['a-b']!.calls).toBeGreaterThan(500);
    expect(s.nodes.b!.arrived).toBe(3 * s.edges['a-b']!.calls);
  });

  it('errorRate is the base rate under fault overrides, and changes from delivery on', () => {
    const run = createRun(
      configDoc({ mode: 'push' }, [
        { kind: 'configChange', atSec: 5, nodeId: 'cfg', service: 'b', key: 'errorRate', value: 1 },
      ]),
    );
    run.runToEnd();
    // b has no config edge: the server keeps the version but nothing changes.
    expect(run.summary().nodes.b!.failed).toBe(0);
    expect(run.log().some((e) => e.message.includes('b is not a client of cfg'))).toBe(true);

    const doc = configDoc({ mode: 'push' }, [
      { kind: 'configChange', atSec: 5, nodeId: 'cfg', service: 'a', key: 'errorRate', value: 1 },
      { kind: 'errorRate', atSec: 10, nodeId: 'a', errorRate: 0, durationSec: 2 },
    ]);
    const r2 = createRun(doc);
    r2.runToEnd();
    const errors = r2.series('a')!.values.errors!;
    expect(errors[4]).toBe(0); // second ending at 5 s
    expect(errors[7]).toBeGreaterThan(40); // after the push at 6 s
    expect(errors[11]).toBe(0); // the fault's override of 0 wins for 2 s
    expect(errors[14]).toBeGreaterThan(40); // then the config's base rate is back
  });

  it('a partitioned service misses the push and gets it at the next try', () => {
    const run = createRun(
      configDoc({ mode: 'push' }, [
        { kind: 'partition', atSec: 9, a: 'a', b: 'cfg', durationSec: 2.5 },
        ...shortTimeoutAt10s,
      ]),
    );
    run.runToEnd();
    const cfg = entryOf(run.summary(), 'cfg', 'configServer').config;
    expect(cfg.deliveries[0]!.atMs).toBe(12_000);
  });
});

describe('config server feature flags', () => {
  it('enabled.<target> = false stops the calls to that target; the fallback answers them', () => {
    const doc = configDoc({ mode: 'push' }, [
      { kind: 'configChange', atSec: 5, nodeId: 'cfg', service: 'a', key: 'enabled.b', value: false },
      { kind: 'configChange', atSec: 10, nodeId: 'cfg', service: 'a', key: 'enabled.b', value: 'true' },
    ]);
    doc.edges[1]!.config.fallback = { kind: 'static', status: 200 };
    const run = createRun(doc);
    run.runToEnd();
    const b = run.series('b')!.values.throughput!;
    expect(b[4]).toBeGreaterThan(40); // second ending at 5 s
    // Off from 6 s (push delay) to 11 s; b still finishes calls begun before 6 s in the next second.
    expect(b.slice(7, 11)).toEqual([0, 0, 0, 0]);
    expect(b[13]).toBeGreaterThan(40);
    const s = run.summary();
    expect(s.edges['a-b']!.rejected).toBeGreaterThan(240);
    expect(s.requests.failed).toBe(0);
  });
});
