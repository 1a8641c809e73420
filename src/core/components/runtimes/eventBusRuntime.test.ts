import { describe, expect, it } from 'vitest';
import { domainOf } from '../../domain/runtime/domainContext';
import { type ShopSketchOptions, shopDocument } from '../../domain/runtime/shopSketch.testkit';
import { createRun } from '../../run/createRun';
import { buildDocument, constant } from '../../run/run.testkit';
import type { World } from '../../sim/world';
import type { EventBusRuntime } from './eventBusRuntime';

function runShop(o: ShopSketchOptions) {
  const run = createRun(shopDocument({ durationSec: 4, ratePerSec: 40, ...o }));
  run.runToEnd();
  const world = (run as unknown as { world: World }).world;
  const bus = world.runtimes.get('bus') as EventBusRuntime;
  return { run, world, metrics: bus.bus.metrics('order_created') };
}

describe('event bus runtime', () => {
  it('redelivers from the last commit after a consumer instance is killed, and rejoins on restart', () => {
    const { run, world, metrics } = runShop({
      notifyInstances: 1,
      faults: [
        { kind: 'killInstance', atSec: 1, nodeId: 'notify', instance: 0 },
        { kind: 'restartInstance', atSec: 2.5, nodeId: 'notify', instance: 0 },
      ],
    });
    const g = metrics.groups[0]!;
    const ctx = domainOf(world);
    expect(run.log().some((e) => e.message.includes('notify#0 left its groups'))).toBe(true);
    // Every confirmed order reached the consumer after it came back, none was skipped.
    expect(g.members).toEqual(['notify#0']);
    expect(g.acked + g.lag).toBe(metrics.published);
    expect(g.deadLettered).toBe(0);
    expect(ctx.domain.notifications.sent).toBe(g.acked);
    expect(run.invariants()).toEqual({ ok: true, violations: [] });
  });

  it('hands a crashed member’s partitions to the rest of its group', () => {
    const { run, metrics } = runShop({
      faults: [{ kind: 'killInstance', atSec: 1, nodeId: 'notify', instance: 1 }],
    });
    const g = metrics.groups[0]!;
    expect(g.members).toEqual(['notify#0']);
    expect(g.partitions.every((p) => p.owner === 'notify#0')).toBe(true);
    expect(g.lag).toBeLessThan(5);
    expect(run.invariants().ok).toBe(true);
  });

  it('redelivers failed handlings after the redelivery delay and dead-letters after maxDeliveries', () => {
    const { run, metrics, world } = runShop({ notifyErrorRate: 1, maxDeliveries: 3, redeliveryDelayMs: 50 });
    const g = metrics.groups[0]!;
    expect(g.acked).toBe(0);
    expect(g.deadLettered).toBeGreaterThan(10);
    // Each dead letter was delivered maxDeliveries times; heads still retrying add at most that per partition.
    expect(g.delivered).toBeGreaterThanOrEqual(3 * g.deadLettered);
    expect(g.delivered).toBeLessThanOrEqual(3 * g.deadLettered + 3 * g.partitions.length);
    expect(g.redelivered).toBe(
      g.delivered - g.deadLettered - g.partitions.filter((p) => p.delivered > 0 && p.lag > 0).length,
    );
    expect(metrics.published).toBe(g.deadLettered + g.lag);
    const bus = world.runtimes.get('bus') as EventBusRuntime;
    expect(bus.bus.deadLetters('order_created')[0]!.deliveries).toBe(3);
    const s = run.summary();
    expect(
      (s.nodes.bus as unknown as { topics: Record<string, { deadLettered: number }> }).topics.order_created!
        .deadLettered,
    ).toBe(g.deadLettered);
    expect(s.nodes.bus!.queueDepth).toBe(g.lag);
    expect(s.invariants.ok).toBe(true);
  });

  it('keys a publish by the header its step names, so one key stays in one partition in order', () => {
    const doc = buildDocument({
      nodes: [
        {
          id: 'c',
          kind: 'client',
          config: {
            workload: { kind: 'open', ratePerSec: 100 },
            requestMix: [{ method: 'POST', path: '/', headers: { 'x-user-id': 'u7' } }],
          },
        },
        {
          id: 's',
          kind: 'service',
          config: {
            serviceTimeMs: constant(1),
            endpoints: [
              {
                method: 'POST',
                path: '/',
                steps: [{ kind: 'publish', target: 'b', topic: 't', key: 'x-user-id' }],
              },
            ],
          },
        },
        { id: 'b', kind: 'eventBus', config: { topics: [{ name: 't', partitions: 4 }] } },
      ],
      edges: [
        { source: 'c', target: 's' },
        { source: 's', target: 'b', kind: 'async' },
      ],
      scenario: { durationSec: 2 },
    });
    const run = createRun(doc);
    run.runToEnd();
    const bus = (run as unknown as { world: World }).world.runtimes.get('b') as EventBusRuntime;
    const used = bus.bus.metrics('t').partitions.filter((p) => p.published > 0);
    expect(used).toHaveLength(1);
    expect(used[0]!.partition).toBe(bus.bus.partitionFor('t', 'u7'));
    expect(used[0]!.published).toBe(run.summary().nodes.b!.completed);
  });
});
