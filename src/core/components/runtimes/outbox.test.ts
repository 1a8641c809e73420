import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';

/**
 * Orders at 100/s: the order service appends each order's event to its store and publishes it, by
 * `via`, to a bus that a mailer consumes. Its instances crash in turn and the links to the bus are
 * cut for a second each.
 */
function shop(via: 'outbox' | 'dualWrite') {
  return buildDocument({
    nodes: [
      { id: 'web', kind: 'client', config: { workload: { kind: 'open', ratePerSec: 100 } } },
      {
        id: 'orders',
        kind: 'service',
        config: {
          instances: 2,
          endpoints: [
            {
              path: '/',
              steps: [
                { kind: 'work', durationMs: constant(2) },
                {
                  kind: 'append',
                  target: 'store',
                  eventType: 'OrderPlaced',
                  publish: { target: 'bus', topic: 'orders', via },
                },
              ],
            },
          ],
        },
      },
      { id: 'store', kind: 'eventStore', config: { appendLatencyMs: constant(20) } },
      { id: 'bus', kind: 'eventBus', config: { topics: [{ name: 'orders' }] } },
      {
        id: 'mailer',
        kind: 'service',
        config: {
          subscriptions: [
            {
              bus: 'bus',
              topic: 'orders',
              group: 'mail',
              steps: [{ kind: 'work', durationMs: constant(1) }],
            },
          ],
        },
      },
    ],
    edges: [
      { source: 'web', target: 'orders' },
      { source: 'orders', target: 'store', kind: 'eventStore' },
      { source: 'orders', target: 'bus', kind: 'async', config: { timeoutMs: 500 } },
      { source: 'store', target: 'bus', kind: 'async', config: { timeoutMs: 500 } },
      { source: 'bus', target: 'mailer', kind: 'async' },
    ],
    scenario: {
      durationSec: 30,
      seed: 9,
      faults: [
        { kind: 'killInstance', atSec: 5, nodeId: 'orders', instance: 0 },
        { kind: 'restartInstance', atSec: 7, nodeId: 'orders', instance: 0 },
        { kind: 'killInstance', atSec: 10, nodeId: 'orders', instance: 1 },
        { kind: 'restartInstance', atSec: 12, nodeId: 'orders', instance: 1 },
        { kind: 'partition', atSec: 15, a: 'orders', b: 'bus', durationSec: 1 },
        { kind: 'partition', atSec: 20, a: 'store', b: 'bus', durationSec: 1 },
      ],
    },
  });
}

describe('transactional outbox against dual write', () => {
  it('a dual write loses the events written just before a crash or during a cut to the bus', () => {
    const run = createRun(shop('dualWrite'), { traceSampleEvery: 0 });
    run.runToEnd();
    const p = run.summary().publishing!.dualWrite!;
    expect(p.written).toBeGreaterThan(2500);
    expect(p.lost).toBeGreaterThan(0);
    expect(p.published + p.lost + p.pending).toBe(p.written);
    // What the mailer saw is what was published: every lost event is an email never sent.
    const mail = entryOf(run.summary(), 'bus', 'eventBus').topics.orders!;
    expect(mail.published).toBe(p.published + p.duplicated);
  });

  it('an outbox publishes every written event exactly once through the same crashes and cuts', () => {
    const run = createRun(shop('outbox'), { traceSampleEvery: 0 });
    run.runToEnd();
    const s = run.summary();
    const p = s.publishing!.outbox!;
    expect(p.written).toBeGreaterThan(2500);
    expect(p.lost).toBe(0);
    expect(p.duplicated).toBe(0);
    // Only the last relay interval's events are still waiting at the end.
    expect(p.pending).toBeLessThan(30);
    expect(p.published + p.pending).toBe(p.written);
    expect(entryOf(s, 'bus', 'eventBus').topics.orders!.published).toBe(p.published);
    expect(s.invariants.ok).toBe(true);
  });
});
