import { describe, expect, it } from 'vitest';
import ecommerce from '../../../../public/examples/ecommerce.json';
import basics from '../../../../public/examples/microservices-basics.json';
import { validateDocument } from '../../model/validate';
import { createRun } from '../../run/createRun';
import { entryOf } from '../../run/run.testkit';

function run(json: unknown, durationSec: number) {
  const r = validateDocument(json);
  if (!r.ok) throw new Error('template does not validate');
  const sim = createRun(r.document, { durationSec });
  sim.runToEnd();
  return sim.summary();
}

describe('messages on non-request edges', () => {
  const s = run(ecommerce, 12);

  it('count each bus delivery on the bus -> subscriber edge, matching the group', () => {
    const topic = entryOf(s, 'bus', 'eventBus').topics.order_created!;
    const edge = s.edges['bus-notify']!;
    // Deliveries still travelling to the consumer at the end are not answered yet.
    expect(edge.calls).toBeGreaterThan(0);
    expect(edge.calls).toBeLessThanOrEqual(topic.delivered);
    expect(edge.calls).toBeGreaterThan(topic.delivered - 20);
    expect(edge.latencyMs.p50).toBeGreaterThan(0);
  });

  it('count each projected event on the event store -> read model edge with its apply delay', () => {
    const edge = s.edges['events-order-history']!;
    const rm = entryOf(s, 'order-history', 'readModel').readModel;
    expect(edge.calls).toBe(rm.checkpoint);
    expect(edge.latencyMs.p50).toBeGreaterThan(0);
  });

  it('count registrations and one heartbeat per live instance per interval on registry edges', () => {
    // order: 3 instances register at 0 and beat at 5 s and 10 s.
    expect(s.edges['order-registry']!.calls).toBe(9);
    expect(s.edges['payment-registry']!.calls).toBe(9);
  });

  it('count the bootstrap fetch on config edges', () => {
    expect(s.edges['order-config']!.calls).toBe(1);
  });

  it('keep attempts = calls - rejected + retries on every edge', () => {
    for (const [id, e] of Object.entries(s.edges))
      expect(e.attempts, id).toBe(e.calls - e.rejected + e.retries);
    expect(s.invariants.ok).toBe(true);
  });

  it('show the traffic in the per-second series the live frames read', () => {
    const r = validateDocument(ecommerce);
    if (!r.ok) throw new Error('template does not validate');
    const sim = createRun(r.document, { durationSec: 6 });
    sim.runToEnd();
    const calls = sim.series('bus-notify')!.values.calls!;
    expect(calls.some((x) => x > 0)).toBe(true);
  });
});

describe('config traffic', () => {
  it('counts the bootstrap fetch and the fetch a pushed change triggers', () => {
    const s = run(basics, 35);
    // The timeline changes order's keys at 30 s; payment has no change to fetch.
    expect([s.edges['order-config']!.calls, s.edges['payment-config']!.calls]).toEqual([2, 1]);
  });

  it('counts one fetch per poll interval on a poll-mode client edge', () => {
    const doc = structuredClone(basics) as { nodes: { id: string; config: Record<string, unknown> }[] };
    const config = doc.nodes.find((n) => n.id === 'config')!;
    config.config = { ...config.config, mode: 'poll', pollIntervalMs: 10_000 };
    const s = run(doc, 35);
    // Bootstrap at 0, then polls at 10, 20 and 30 s.
    expect([s.edges['order-config']!.calls, s.edges['payment-config']!.calls]).toEqual([4, 4]);
  });
});
