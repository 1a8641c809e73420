import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';

function canaryDoc(faults: unknown[], propagationDelayMs = 2000) {
  return buildDocument({
    nodes: [
      {
        id: 'web',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 100 } },
      },
      {
        id: 'mesh',
        kind: 'proxy',
        config: {
          routes: [
            {
              name: 'split',
              destinations: [
                { target: 'v1', weight: 90 },
                { target: 'v2', weight: 10 },
              ],
            },
          ],
        },
      },
      { id: 'v1', kind: 'service', config: { serviceTimeMs: constant(2) } },
      { id: 'v2', kind: 'service', config: { serviceTimeMs: constant(2), version: 'v2' } },
      { id: 'istiod', kind: 'controlPlane', config: { propagationDelayMs } },
    ],
    edges: [
      { source: 'web', target: 'mesh', config: { latencyMs: constant(0) } },
      { source: 'mesh', target: 'v1' },
      { source: 'mesh', target: 'v2' },
      { source: 'istiod', target: 'mesh', kind: 'mesh' },
    ],
    scenario: { durationSec: 20, faults, workloadChanges: [{ atSec: 19, nodeId: 'web', ratePerSec: 0 }] },
  });
}

describe('mesh control plane', () => {
  it('pushes a weight change to its proxy after the propagation delay', () => {
    const run = createRun(
      canaryDoc([
        {
          kind: 'configChange',
          atSec: 10,
          nodeId: 'istiod',
          service: 'mesh',
          key: 'weights.split',
          value: '0,100',
        },
      ]),
    );
    run.runToEnd();
    const v1 = run.series('v1')!;
    const arrivalsAt = (ms: number) => v1.values.throughput![v1.atMs.indexOf(ms)]!;
    expect(arrivalsAt(12_000)).toBeGreaterThan(70); // still 90 % until 12 s
    expect(arrivalsAt(13_000)).toBe(0); // everything on v2 from 12 s
    const s = run.summary();
    const cp = entryOf(s, 'istiod', 'controlPlane').controlPlane;
    expect(cp.pushes).toEqual([
      { changedAtMs: 10_000, appliedAtMs: 12_000, proxy: 'mesh', key: 'weights.split', version: 1 },
    ]);
    expect(entryOf(s, 'mesh', 'proxy').proxy.rulesVersion).toBe(1);
  });

  it('replaces routes and authorization policies pushed as JSON; refuses invalid rules', () => {
    const run = createRun(
      canaryDoc(
        [
          {
            kind: 'configChange',
            atSec: 5,
            nodeId: 'istiod',
            service: 'istiod',
            key: 'policies',
            value: JSON.stringify([{ action: 'DENY', paths: ['/'] }]),
          },
          {
            kind: 'configChange',
            atSec: 6,
            nodeId: 'istiod',
            service: 'mesh',
            key: 'routes',
            value: '[{"bad":1}]',
          },
        ],
        0,
      ),
    );
    run.runToEnd();
    const s = run.summary();
    const proxy = entryOf(s, 'mesh', 'proxy').proxy;
    // Everything after 5 s is denied: about 14 s of 100 requests/s.
    expect(proxy.denied).toBeGreaterThan(1300);
    expect(proxy.rulesVersion).toBe(1);
    expect(run.log().some((e) => e.message === 'mesh rejected rule routes')).toBe(true);
  });
});
