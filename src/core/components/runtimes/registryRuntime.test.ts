import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';

/** client -> front -> back (2 instances, registered), optionally through a sidecar. */
function registryDoc(opts: { viaProxy?: boolean; faults?: unknown[] } = {}) {
  const hop = opts.viaProxy ? 'mesh' : 'back';
  return buildDocument({
    nodes: [
      {
        id: 'web',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 100 } },
      },
      {
        id: 'front',
        kind: 'service',
        config: {
          instances: 1,
          concurrency: 1000,
          serviceTimeMs: constant(1),
          endpoints: [{ path: '/', steps: [{ kind: 'call', target: hop, path: '/' }] }],
        },
      },
      ...(opts.viaProxy ? [{ id: 'mesh', kind: 'proxy', config: { attachedTo: 'back' } }] : []),
      { id: 'back', kind: 'service', config: { instances: 2, serviceTimeMs: constant(2) } },
      {
        id: 'eureka',
        kind: 'registry',
        config: { heartbeatIntervalMs: 1000, leaseMs: 3000, evictionIntervalMs: 1000 },
      },
    ],
    edges: [
      { source: 'web', target: 'front', config: { latencyMs: constant(0) } },
      ...(opts.viaProxy
        ? [
            { source: 'front', target: 'mesh', config: { latencyMs: constant(0) } },
            { source: 'mesh', target: 'back', config: { latencyMs: constant(1) } },
          ]
        : [{ source: 'front', target: 'back', config: { latencyMs: constant(1) } }]),
      { source: 'back', target: 'eureka', kind: 'registry' },
    ],
    scenario: {
      durationSec: 20,
      faults: opts.faults ?? [
        { kind: 'killInstance', atSec: 5, nodeId: 'back', instance: 0 },
        { kind: 'restartInstance', atSec: 15, nodeId: 'back', instance: 0 },
      ],
      workloadChanges: [{ atSec: 19, nodeId: 'web', ratePerSec: 0 }],
    },
  });
}

describe('service registry', () => {
  const run = createRun(registryDoc());
  run.runToEnd();
  const s = run.summary();
  const reg = entryOf(s, 'eureka', 'registry').registry;

  it('registers every instance at start', () => {
    expect(reg.history.slice(0, 2)).toEqual([
      { atMs: 0, service: 'back', instance: 0, change: 'registered', members: 1 },
      { atMs: 0, service: 'back', instance: 1, change: 'registered', members: 2 },
    ]);
  });

  it('evicts a killed instance once its lease (3 s after the last heartbeat) expired, at the next eviction run', () => {
    const evicted = reg.history.find((e) => e.change === 'evicted')!;
    // The kill at 5 s precedes that instant's heartbeat: last renewal at 4 s, expired after 7 s,
    // removed by the eviction run at 8 s.
    expect(evicted).toEqual({ atMs: 8000, service: 'back', instance: 0, change: 'evicted', members: 1 });
  });

  it('keeps sending traffic to the dead instance until it is evicted, and none after', () => {
    const connect = run.series('front-back')!;
    const failures = connect.values.failed!;
    const at = connect.atMs;
    const during = failures.filter((_, i) => at[i]! > 5000 && at[i]! <= 8000);
    const after = failures.filter((_, i) => at[i]! > 8000 && at[i]! <= 15000);
    // Round robin over two registered instances: half of 100 calls/s fail for 3 s.
    expect(during.reduce((a, b) => a + b, 0)).toBeGreaterThan(145);
    expect(after.every((f) => f === 0)).toBe(true);
  });

  it('re-registers the instance at restart, so it takes traffic again', () => {
    const back = reg.history.filter((e) => e.instance === 0 && e.atMs > 8000);
    expect(back).toEqual([{ atMs: 15000, service: 'back', instance: 0, change: 'registered', members: 2 }]);
    expect(reg.members.back).toBe(2);
    expect(s.invariants.ok).toBe(true);
  });

  it('with outlier detection on the caller side, the dead instance is ejected long before eviction', () => {
    const viaProxy = createRun(registryDoc({ viaProxy: true }));
    viaProxy.runToEnd();
    const edge = viaProxy.summary().edges['mesh-back']!;
    expect(edge.connectFailures).toBe(5);
    const ejection = edge.outlier!.ejections[0]!;
    expect(ejection.atMs).toBeLessThan(5200);
  });

  it('leaves routability to health checks when a service has no registry (unroutable 5 s after a kill)', () => {
    const doc = registryDoc();
    doc.edges = doc.edges.filter((e) => e.kind !== 'registry');
    const plain = createRun(doc);
    plain.runToEnd();
    const series = plain.series('front-back')!;
    const lastFailureSec = series.atMs.filter((_, i) => series.values.failed![i]! > 0).pop();
    expect(lastFailureSec).toBe(10000);
  });
});
