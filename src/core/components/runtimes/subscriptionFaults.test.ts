import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../model/validate';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';

/** Events at 20/s consumed by two groups; `faults` act on the `audit` group's consumer. */
function doc(faults: unknown[]) {
  return buildDocument({
    nodes: [
      {
        id: 'load',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 20 } },
      },
      {
        id: 'orders',
        kind: 'service',
        config: { endpoints: [{ path: '/', steps: [{ kind: 'publish', target: 'bus', topic: 'orders' }] }] },
      },
      { id: 'bus', kind: 'eventBus', config: { topics: [{ name: 'orders', partitions: 2 }] } },
      {
        id: 'audit',
        kind: 'service',
        config: {
          subscriptions: [
            {
              bus: 'bus',
              topic: 'orders',
              group: 'audit',
              steps: [{ kind: 'work', durationMs: constant(1) }],
            },
          ],
        },
      },
      {
        id: 'mail',
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
      { source: 'load', target: 'orders' },
      { source: 'orders', target: 'bus', kind: 'async' },
      { source: 'bus', target: 'audit', kind: 'async' },
      { source: 'bus', target: 'mail', kind: 'async' },
    ],
    scenario: { durationSec: 30, seed: 2, faults },
  });
}

function groups(run: ReturnType<typeof createRun>) {
  return entryOf(run.summary(), 'bus', 'eventBus').topics.orders!.groups;
}

describe('subscribe and unsubscribe on the timeline', () => {
  it('an unsubscribed group stops consuming and its lag grows, while the other group keeps up', () => {
    const run = createRun(doc([{ kind: 'unsubscribe', atSec: 10, nodeId: 'audit', topic: 'orders' }]), {
      traceSampleEvery: 0,
    });
    run.runToEnd();
    const g = groups(run);
    expect(g.audit!.members).toBe(0);
    // About 20 s of events at 20/s are waiting for the audit group.
    expect(g.audit!.lag).toBeGreaterThan(380);
    expect(g.audit!.lag).toBeLessThan(420);
    expect(g.mail!.lag).toBeLessThan(5);
    expect(run.log().some((e) => e.message === 'audit unsubscribed from orders')).toBe(true);
  });

  it('a group subscribed again resumes from its committed offset and drains its backlog', () => {
    const run = createRun(
      doc([
        { kind: 'unsubscribe', atSec: 10, nodeId: 'audit', topic: 'orders', group: 'audit' },
        { kind: 'subscribe', atSec: 20, nodeId: 'audit', topic: 'orders', group: 'audit' },
      ]),
      { traceSampleEvery: 0 },
    );
    run.advance(19_999, Number.POSITIVE_INFINITY);
    expect(groups(run).audit!.lag).toBeGreaterThan(180);
    run.runToEnd();
    const g = groups(run);
    expect(g.audit!.members).toBe(2);
    expect(g.audit!.lag).toBeLessThan(5);
    // Nothing was skipped: the audit group acknowledged as many events as the mail group.
    expect(Math.abs(g.audit!.acked - g.mail!.acked)).toBeLessThan(5);
    // The events that waited out the gap show in the group's end-to-end time.
    expect(g.audit!.endToEndMs.p99).toBeGreaterThan(5000);
    expect(run.summary().invariants.ok).toBe(true);
  });
  it('is checked at import beside the message faults: a subscription the node lacks and an unknown edge are named', () => {
    const v = validateDocument(
      doc([
        { kind: 'unsubscribe', atSec: 10, nodeId: 'audit', topic: 'payments' },
        { kind: 'linkFaults', atSec: 10, edgeId: 'nowhere', lossRate: 0.1 },
        { kind: 'busFaults', atSec: 10, nodeId: 'bus', duplicateRate: 0.1 },
        { kind: 'subscribe', atSec: 20, nodeId: 'audit', topic: 'orders', group: 'audit' },
      ]),
    );
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
        'scenario.faults[0].topic: "audit" has no subscription to topic "payments"',
        'scenario.faults[1].edgeId: no edge with id "nowhere"',
      ]);
  });

  it('an unsubscribed group keeps its lag while bus faults duplicate what the other group receives', () => {
    const run = createRun(
      doc([
        { kind: 'unsubscribe', atSec: 10, nodeId: 'audit', topic: 'orders' },
        { kind: 'busFaults', atSec: 0, nodeId: 'bus', duplicateRate: 0.2 },
      ]),
      { traceSampleEvery: 0 },
    );
    run.runToEnd();
    const g = groups(run);
    expect(g.audit!.members).toBe(0);
    expect(g.audit!.lag).toBeGreaterThan(380);
    expect(entryOf(run.summary(), 'bus', 'eventBus').messages!.duplicated).toBeGreaterThan(0);
    expect(g.mail!.endToEndMs.mean).toBeGreaterThan(0);
    expect(run.summary().invariants.ok).toBe(true);
  });
});
