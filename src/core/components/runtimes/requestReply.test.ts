import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';

/** A pricing API asks for quotes over the bus (request/reply); a quoting service answers them. */
function quotes(faults: unknown[] = [], timeoutMs = 1000) {
  return buildDocument({
    nodes: [
      {
        id: 'web',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 20 } },
      },
      {
        id: 'pricing',
        kind: 'service',
        config: {
          concurrency: 64,
          endpoints: [{ path: '/', steps: [{ kind: 'request', target: 'bus', topic: 'quotes', timeoutMs }] }],
        },
      },
      {
        id: 'bus',
        kind: 'eventBus',
        config: { topics: [{ name: 'quotes', partitions: 2 }], redeliveryDelayMs: 200 },
      },
      {
        id: 'quoter',
        kind: 'service',
        config: {
          instances: 1,
          subscriptions: [
            {
              bus: 'bus',
              topic: 'quotes',
              group: 'quoters',
              steps: [{ kind: 'work', durationMs: constant(20) }],
            },
          ],
        },
      },
    ],
    edges: [
      { source: 'web', target: 'pricing' },
      { source: 'pricing', target: 'bus', kind: 'async' },
      { source: 'bus', target: 'quoter', kind: 'async' },
    ],
    scenario: { durationSec: 20, seed: 3, faults },
  });
}

describe('request/reply over the bus', () => {
  it('answers each request with its correlated reply: publish, handling and the way back', () => {
    const run = createRun(quotes(), { traceSampleEvery: 0 });
    run.runToEnd();
    const s = run.summary();
    const rr = entryOf(s, 'bus', 'eventBus').requestReply!;
    expect(rr.requests).toBeGreaterThan(390);
    expect(rr.timedOut).toBe(0);
    expect(rr.lateReplies).toBe(0);
    expect(rr.requests - rr.replied).toBeLessThanOrEqual(2);
    // 20 ms of handling, 2 ms of delivery each way and 1 ms of network each way.
    const pricing = s.nodes.pricing!;
    expect(pricing.errorRate).toBe(0);
    expect(pricing.latencyMs.mean).toBeGreaterThan(24);
    expect(pricing.latencyMs.mean).toBeLessThan(30);
    expect(s.invariants.ok).toBe(true);
  });

  it('times out with 504 while nobody answers, and counts the replies that come too late', () => {
    const run = createRun(
      quotes([
        { kind: 'unsubscribe', atSec: 5, nodeId: 'quoter', topic: 'quotes' },
        { kind: 'subscribe', atSec: 8, nodeId: 'quoter', topic: 'quotes' },
      ]),
      { traceSampleEvery: 0 },
    );
    run.runToEnd();
    const s = run.summary();
    const rr = entryOf(s, 'bus', 'eventBus').requestReply!;
    // Three seconds without a consumer: about 60 requests, of which those older than 1 s time out.
    expect(rr.timedOut).toBeGreaterThan(30);
    expect(rr.timedOut).toBeLessThan(70);
    // The backlog is handled after the consumer rejoins: replies to expired requests are late.
    expect(rr.lateReplies).toBe(rr.timedOut);
    expect(s.nodes.pricing!.failed).toBe(rr.timedOut);
    expect(s.invariants.ok).toBe(true);
  });

  it('reports no request/reply section on a bus no request goes through', () => {
    const doc = quotes();
    const pricing = doc.nodes.find((n) => n.id === 'pricing')!;
    if (pricing.kind === 'service')
      pricing.config.endpoints[0]!.steps = [{ kind: 'publish', target: 'bus', topic: 'quotes' }];
    const run = createRun(doc, { traceSampleEvery: 0 });
    run.runToEnd();
    expect('requestReply' in entryOf(run.summary(), 'bus', 'eventBus')).toBe(false);
  });
  it('under duplicated bus deliveries answers each request once: the copy is handled again but its answer, and so its reply, is dropped', () => {
    const run = createRun(quotes([{ kind: 'busFaults', atSec: 0, nodeId: 'bus', duplicateRate: 0.2 }]), {
      traceSampleEvery: 0,
    });
    run.runToEnd();
    const s = run.summary();
    const bus = entryOf(s, 'bus', 'eventBus');
    const rr = bus.requestReply!;
    expect(bus.messages!.duplicated).toBeGreaterThan(0);
    expect(rr.replied).toBeGreaterThan(390);
    expect(rr.timedOut).toBe(0);
    expect(rr.lateReplies).toBe(0);
    // The quoter handled the copies too.
    const clean = createRun(quotes(), { traceSampleEvery: 0 });
    clean.runToEnd();
    const handled = entryOf(s, 'quoter', 'service').completed;
    expect(handled - entryOf(clean.summary(), 'quoter', 'service').completed).toBeGreaterThan(
      bus.messages!.duplicated / 2,
    );
    expect(s.invariants.ok).toBe(true);
  });
});
