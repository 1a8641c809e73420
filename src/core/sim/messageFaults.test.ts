import { describe, expect, it } from 'vitest';
import { createRun } from '../run/createRun';
import { buildDocument, constant, entryOf, exponential } from '../run/run.testkit';

/** client -> front -> back, the front -> back link under `linkFaults` for the whole run. */
function lossy(rates: Record<string, number>, maxRetries: number, durationSec = 60) {
  return buildDocument({
    nodes: [
      {
        id: 'client',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 200 } },
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
        config: { instances: 2, concurrency: 1000, serviceTimeMs: constant(2) },
      },
    ],
    edges: [
      { source: 'client', target: 'front', config: { latencyMs: constant(0), timeoutMs: 0 } },
      {
        id: 'fb',
        source: 'front',
        target: 'back',
        config: { latencyMs: constant(1), retry: { maxRetries } },
      },
    ],
    scenario: {
      durationSec,
      faults: [{ kind: 'linkFaults', atSec: 0, edgeId: 'fb', ...rates }],
      workloadChanges: [{ atSec: durationSec - 2, nodeId: 'client', ratePerSec: 0 }],
    },
  });
}

describe('link faults', () => {
  it('with 10 % loss and 2 retries a call fails with probability 0.1^3, within binomial tolerance', () => {
    const run = createRun(lossy({ lossRate: 0.1 }, 2));
    run.runToEnd();
    const s = run.summary();
    const edge = s.edges.fb!;
    const n = edge.calls;
    const p = 0.001;
    expect(n).toBeGreaterThan(11_000);
    // 4 standard deviations of a binomial(n, p) failure count.
    const tolerance = 4 * Math.sqrt(n * p * (1 - p));
    expect(Math.abs(edge.failed - n * p)).toBeLessThan(tolerance);
    // Every attempt is a message: about 10 % of them were lost, half on the way back.
    expect(edge.messages!.lost / edge.attempts).toBeCloseTo(0.1, 1);
    expect(s.invariants.ok).toBe(true);
  });

  it('loses half the exchanges on the way back: the callee did the work, the caller saw a reset', () => {
    const run = createRun(lossy({ lossRate: 0.2 }, 0, 30));
    run.runToEnd();
    const s = run.summary();
    const edge = s.edges.fb!;
    const requestsLost = edge.attempts - s.nodes.back!.arrived;
    expect(edge.connectFailures).toBe(edge.messages!.lost);
    expect(requestsLost / edge.messages!.lost).toBeCloseTo(0.5, 1);
  });

  it('delivers a duplicated request twice: the callee works twice, the caller takes one answer', () => {
    const run = createRun(lossy({ duplicateRate: 0.3 }, 0, 30));
    run.runToEnd();
    const s = run.summary();
    const edge = s.edges.fb!;
    expect(s.nodes.back!.arrived).toBe(edge.attempts + edge.messages!.duplicated);
    expect(edge.failed).toBe(0);
    expect(s.invariants.ok).toBe(true);
  });

  it('holds back reordered requests so later ones overtake them, and the calls still succeed', () => {
    const run = createRun(lossy({ reorderRate: 0.5 }, 0, 30));
    run.runToEnd();
    const edge = run.summary().edges.fb!;
    expect(edge.messages!.reordered).toBeGreaterThan(2000);
    expect(edge.failed).toBe(0);
    // 1 ms each way plus, for half the calls, a hold-back of 1 to 2 ms.
    expect(edge.latencyMs.max).toBeGreaterThan(5);
  });
});

/** A service publishes to a bus a service consumes; an event store feeds a read model. */
function eventDoc(faults: unknown[]) {
  return buildDocument({
    nodes: [
      {
        id: 'client',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec: 50 } },
      },
      {
        id: 'orders',
        kind: 'service',
        config: {
          serviceTimeMs: exponential(2),
          endpoints: [
            {
              path: '/',
              steps: [
                { kind: 'publish', target: 'bus', topic: 'placed' },
                { kind: 'append', target: 'store', eventType: 'Placed' },
              ],
            },
          ],
        },
      },
      { id: 'bus', kind: 'eventBus', config: { topics: [{ name: 'placed' }] } },
      {
        id: 'mail',
        kind: 'service',
        config: {
          serviceTimeMs: exponential(2),
          subscriptions: [{ bus: 'bus', topic: 'placed', group: 'mail' }],
        },
      },
      { id: 'store', kind: 'eventStore' },
      { id: 'view', kind: 'readModel', config: { source: 'store' } },
    ],
    edges: [
      { source: 'client', target: 'orders' },
      { source: 'orders', target: 'bus', kind: 'async' },
      { source: 'bus', target: 'mail', kind: 'async' },
      { source: 'orders', target: 'store', kind: 'eventStore' },
      { id: 'feed', source: 'store', target: 'view', kind: 'projection' },
    ],
    scenario: { durationSec: 20, faults },
  });
}

describe('bus and projection faults', () => {
  it('counts duplicates on the bus; a projection fed duplicates applies each event once', () => {
    const faults = [
      { kind: 'busFaults', atSec: 0, nodeId: 'bus', duplicateRate: 0.2 },
      { kind: 'linkFaults', atSec: 0, edgeId: 'feed', duplicateRate: 0.2 },
    ];
    const run = createRun(eventDoc(faults));
    run.runToEnd();
    const s = run.summary();
    const bus = entryOf(s, 'bus', 'eventBus');
    const view = entryOf(s, 'view', 'readModel');
    const store = entryOf(s, 'store', 'eventStore');
    expect(bus.messages!.duplicated).toBeGreaterThan(100);
    // The consumer handled every copy; the bus counted each delivery once.
    expect(s.nodes.mail!.arrived).toBe(bus.topics.placed!.delivered + bus.messages!.duplicated);
    expect(view.readModel.duplicatesSkipped).toBe(s.edges.feed!.messages!.duplicated);
    expect(view.readModel.checkpoint).toBeLessThanOrEqual(store.eventStore.events);
    expect(s.invariants.ok).toBe(true);
  });

  it('redelivers what the bus lost, so every published event is still acknowledged', () => {
    const run = createRun(
      eventDoc([{ kind: 'busFaults', atSec: 0, nodeId: 'bus', lossRate: 0.2, durationSec: 10 }]),
    );
    run.runToEnd();
    const bus = entryOf(run.summary(), 'bus', 'eventBus');
    const topic = bus.topics.placed!;
    // A loss stalls its partition for the redelivery delay, so fewer deliveries are tried meanwhile.
    expect(bus.messages!.lost).toBeGreaterThan(20);
    expect(topic.redelivered).toBeGreaterThan(0);
    // Ten seconds after the faults end, the group has caught up with what was published.
    expect(topic.groups.mail!.lag).toBeLessThan(5);
  });
});
