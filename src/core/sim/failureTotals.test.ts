import { describe, expect, it } from 'vitest';
import { CAUSE } from '../metrics/failureCause';
import { buildDocument } from '../run/run.testkit';
import { checkFailureCauses, failuresSummary } from './failureTotals';
import { NodeStats } from './stats';
import type { NodeRuntime } from './types';
import { World } from './world';

/** A world holding bare nodes: only their ids, kinds and counters matter to the totals. */
function worldOf(nodes: { id: string; kind: 'client' | 'service'; stats: NodeStats }[]): World {
  const world = new World(buildDocument({ nodes: [] }), {
    seed: 1,
    durationMs: 1000,
    warmupMs: 0,
    traceSampleEvery: 0,
    callPolicyFactory: () => {
      throw new Error('no edges here');
    },
  });
  for (const n of nodes) world.addNode(n as unknown as NodeRuntime);
  return world;
}

describe('failures by cause', () => {
  it('sums the clients end to end and lists each node by the causes it answered with', () => {
    const web = new NodeStats(0);
    const mobile = new NodeStats(0);
    const api = new NodeStats(0);
    web.record(503, CAUSE.queueFull, 0, 1);
    web.record(504, CAUSE.timeout, 0, 1);
    web.record(200, CAUSE.none, 0, 1);
    mobile.record(504, CAUSE.timeout, 0, 1);
    api.record(503, CAUSE.queueFull, 0, 1);
    const world = worldOf([
      { id: 'web', kind: 'client', stats: web },
      { id: 'mobile', kind: 'client', stats: mobile },
      { id: 'api', kind: 'service', stats: api },
    ]);
    const f = failuresSummary(world);
    expect(f.byCause.timeout).toBe(2);
    expect(f.byCause.queueFull).toBe(1);
    expect(Object.values(f.byCause).reduce((a, b) => a + b, 0)).toBe(3);
    expect({ ...f.byNode }).toEqual({
      web: { queueFull: 1, timeout: 1 },
      mobile: { timeout: 1 },
      api: { queueFull: 1 },
    });
    expect(checkFailureCauses(world)).toEqual([]);
  });

  it('refuses a failure recorded without a cause', () => {
    const web = new NodeStats(0);
    web.record(500, CAUSE.none, 0, 1);
    const violations = checkFailureCauses(worldOf([{ id: 'web', kind: 'client', stats: web }]));
    expect(violations).toContain('node web: 1 failures carry no cause');
    expect(violations).toContain('overall: failures by cause (0) != requests failed (1)');
  });
});
