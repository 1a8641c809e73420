import { describe, expect, it } from 'vitest';
import ecommerce from '../../../public/examples/ecommerce.json';
import { documentSchema } from '../../core/model/schema';
import { createRun } from '../../core/run/createRun';
import { stateCards } from './stateSections';

const label = (id: string) => id.toUpperCase();

/** The e-commerce example's summary after 20 simulated seconds: every section the panel knows. */
function ecommerceSummary() {
  const run = createRun(documentSchema.parse(ecommerce), { seed: 7, durationSec: 20 });
  run.runToEnd();
  return run.summary();
}

describe('state cards', () => {
  it('shows nothing before a run', () => {
    expect(stateCards(null, label)).toEqual([]);
  });

  it('says how many invariants broke, in the requests card', () => {
    const summary = ecommerceSummary();
    const cards = stateCards(
      { ...summary, invariants: { ok: false, violations: ['stock went negative'] } },
      label,
    );
    expect(cards[0]!.facts.find((f) => f.label === 'invariants')).toMatchObject({
      value: '1 broken',
      tone: 'bad',
    });
  });

  it("builds order and breaker cards, then each node's cards from its kind's module", () => {
    const summary = ecommerceSummary();
    const cards = stateCards(summary, label);
    expect(new Set(cards.map((c) => c.group))).toEqual(
      new Set([
        'Run',
        'E-commerce',
        'Circuit breakers',
        'Registry',
        'Event store',
        'Read model',
        'Event bus',
        'Log store',
        'Instances',
        'Mesh routes',
      ]),
    );
    const requests = cards.find((c) => c.id === 'requests')!;
    expect(requests.facts.find((f) => f.label === 'total')!.value).toBe(summary.requests.total);

    const orders = cards.find((c) => c.id === 'orders')!;
    const reasons = Object.entries(summary.orders!.failedByReason).filter(([, n]) => n > 0);
    expect(orders.chips).toEqual(reasons.map(([reason, n]) => ({ label: reason, value: n })));

    for (const [id, edge] of Object.entries(summary.edges)) {
      const card = cards.find((c) => c.id === `breaker-${id}`);
      expect(card === undefined).toBe(edge.breaker === undefined);
      if (!card || !edge.breaker) continue;
      expect(card.title).toBe(label(id));
      expect(card.facts[0]!.value).toBe(edge.breaker.state.replace('_', '-').toLowerCase());
    }
  });

  it("reads a kind's own section: the registry's members, a bus's group lag", () => {
    const summary = ecommerceSummary();
    const cards = stateCards(summary, label);
    for (const [id, node] of Object.entries(summary.nodes)) {
      if (node.kind === 'registry') {
        const card = cards.find((c) => c.id === `registry-${id}`)!;
        expect(card.chips!.map((c) => [c.label, c.value])).toEqual(
          Object.entries(node.registry.members).map(([svc, n]) => [label(svc), n]),
        );
      }
      if (node.kind === 'eventBus') {
        for (const [topic, t] of Object.entries(node.topics)) {
          const card = cards.find((c) => c.id === `topic-${id}-${topic}`)!;
          expect(card.chips!.map((c) => c.value)).toEqual(Object.values(t.groups).map((g) => g.lag));
        }
      }
    }
  });

  it("shows each instance's share, failures and utilisation, and a proxy's per-route metrics", () => {
    const summary = ecommerceSummary();
    const api = summary.nodes.payment!;
    const side = summary.nodes['order-sidecar']!;
    if (side.kind !== 'proxy') throw new Error('the e-commerce example has an order sidecar');
    const cards = stateCards(
      {
        ...summary,
        nodes: {
          api: {
            ...api,
            instances: [
              { id: 0, healthy: true, completed: 25, failed: 0, utilization: 0.1 },
              { id: 1, healthy: false, completed: 70, failed: 5, utilization: 0.3 },
            ],
          },
          side: {
            ...side,
            proxy: { ...side.proxy, routes: [{ name: 'canary', count: 4, totalTimeMs: 10, errors: 1 }] },
            instances: [{ id: 0, healthy: true, completed: 4, failed: 0, utilization: 0 }],
          },
        },
      },
      label,
    );
    const instances = cards.find((c) => c.id === 'instances-api')!;
    expect(instances.facts).toEqual([
      { label: 'up', value: '1/2', tone: 'bad' },
      { label: 'failed', value: 5, tone: 'warn' },
    ]);
    expect(instances.chips).toEqual([
      { label: '#0', value: '25% · 10% busy', tone: undefined },
      { label: '#1 down', value: '75% · 30% busy', tone: 'bad' },
    ]);
    // A single instance needs no card of its own.
    expect(cards.some((c) => c.id === 'instances-side')).toBe(false);
    expect(cards.find((c) => c.id === 'route-side-0')).toMatchObject({
      title: 'SIDE · canary',
      facts: [
        { label: 'requests', value: 4 },
        { label: 'mean', value: '2.5 ms' },
        { label: 'errors', value: 1, tone: 'warn' },
      ],
    });
  });
});
