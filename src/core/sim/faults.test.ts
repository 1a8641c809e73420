import { describe, expect, it } from 'vitest';
import type { Fault } from '../model/schema';
import { createRun } from '../run/createRun';
import { buildDocument, constant } from '../run/run.testkit';

function chain(faults: Fault[]) {
  return buildDocument({
    nodes: [
      {
        id: 'client',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 100 } },
      },
      {
        id: 'front',
        kind: 'service',
        config: {
          serviceTimeMs: constant(1),
          endpoints: [{ path: '/', steps: [{ kind: 'work' }, { kind: 'call', target: 'back', path: '/' }] }],
        },
      },
      { id: 'back', kind: 'service', config: { serviceTimeMs: constant(5), concurrency: 100 } },
    ],
    edges: [
      { source: 'client', target: 'front', config: { latencyMs: constant(1) } },
      { source: 'front', target: 'back', config: { latencyMs: constant(1) } },
    ],
    scenario: { durationSec: 10, faults },
  });
}

describe('faults', () => {
  it('a partition makes calls between the two nodes fail to connect, only while it lasts', () => {
    const run = createRun(chain([{ kind: 'partition', atSec: 3, a: 'back', b: 'front', durationSec: 2 }]));
    run.runToEnd();
    const s = run.summary();
    expect(s.edges['front-back']!.connectFailures).toBeGreaterThan(150);
    expect(s.nodes.back!.arrived).toBeLessThan(s.nodes.front!.arrived - 150);
    const errors = run.series('front')!.values.errors!;
    expect(errors.slice(0, 3).every((e) => e === 0)).toBe(true);
    expect(errors[3]).toBeGreaterThan(90);
    expect(errors.slice(6).every((e) => e === 0)).toBe(true);
    expect(s.invariants.ok).toBe(true);
  });

  it('added latency slows every work step of the node for its duration', () => {
    const run = createRun(
      chain([{ kind: 'addLatency', atSec: 4, nodeId: 'back', latencyMs: 100, durationSec: 2 }]),
    );
    run.runToEnd();
    const p99 = run.series('back')!.values.p99Ms!;
    expect(p99[2]).toBeLessThan(6);
    expect(p99[4]).toBeGreaterThan(100);
    expect(p99[8]).toBeLessThan(6);
  });

  it('an error-rate fault overrides the configured rate and then restores it', () => {
    const run = createRun(
      chain([{ kind: 'errorRate', atSec: 2, nodeId: 'back', errorRate: 1, durationSec: 3 }]),
    );
    run.runToEnd();
    const errors = run.series('back')!.values.errors!;
    expect(errors[1]).toBe(0);
    expect(errors[3]).toBeGreaterThan(90);
    expect(errors.slice(6).every((e) => e === 0)).toBe(true);
  });

  it('inject applies a fault now, and the event log records it', () => {
    const run = createRun(chain([]));
    run.advance(3000);
    run.inject({ kind: 'killInstance', atSec: 0, nodeId: 'back', instance: 1 });
    expect(run.summary().nodes.back!.healthyInstances).toBe(1);
    const entry = run.log().find((e) => e.type === 'fault');
    expect(entry).toMatchObject({ atMs: 3000, nodeId: 'back', severity: 'error' });
  });

  it('a fault on a kind that cannot take it is logged as unsupported, not thrown', () => {
    const run = createRun(chain([{ kind: 'killInstance', atSec: 1, nodeId: 'client', instance: 0 }]));
    run.runToEnd();
    expect(run.log().some((e) => e.severity === 'warn' && e.message.includes('does not support'))).toBe(true);
  });
});
