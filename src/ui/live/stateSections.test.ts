import { describe, expect, it } from 'vitest';
import { stateCards } from './stateSections';

const label = (id: string) => id.toUpperCase();

describe('state cards', () => {
  it('shows requests and invariants for any summary, and nothing for a missing one', () => {
    expect(stateCards(null, label)).toEqual([]);
    const cards = stateCards(
      { requests: { total: 5, ok: 4, failed: 1, inFlight: 0 }, invariants: { ok: false, violations: ['x'] } },
      label,
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]!.facts.find((f) => f.label === 'invariants')).toMatchObject({
      value: '1 broken',
      tone: 'bad',
    });
  });

  it("builds breaker cards, then registry, event store, read model, topic and log store cards from each node kind's section", () => {
    const cards = stateCards(
      {
        requests: {},
        invariants: { ok: true, violations: [] },
        orders: {
          placed: 10,
          confirmed: 8,
          failed: 2,
          inFlight: 0,
          failedByReason: { paymentUnavailable: 2, unknownUser: 0 },
        },
        edges: {
          'a-b': {
            calls: 1,
            breaker: {
              state: 'OPEN',
              transitions: [{ atMs: 2500, from: 'CLOSED', to: 'OPEN' }],
              transitionsTotal: 1,
              rejected: 7,
            },
          },
          'a-c': { calls: 1 },
        },
        nodes: {
          reg: { kind: 'registry', registry: { members: { b: 0, c: 2 }, changesTotal: 4 } },
          es: {
            kind: 'eventStore',
            eventStore: { events: 3, streams: 1, appends: 3, conflicts: 0, snapshots: 0 },
          },
          rm: {
            kind: 'readModel',
            readModel: { documents: 1, checkpoint: 3, lagPositions: 0, lagMs: 0, staleReads: 1 },
          },
          bus: {
            kind: 'eventBus',
            topics: {
              orders: {
                published: 2,
                delivered: 2,
                redelivered: 0,
                deadLettered: 1,
                groups: { g: { lag: 3 } },
              },
            },
          },
          ls: { kind: 'logStore', logStore: { entries: 9, appended: 9, dropped: 0 } },
        },
      },
      label,
    );
    expect(cards.map((c) => c.group)).toEqual([
      'Run',
      'E-commerce',
      'Circuit breakers',
      'Registry',
      'Event store',
      'Read model',
      'Event bus',
      'Log store',
    ]);
    const breaker = cards.find((c) => c.id === 'breaker-a-b')!;
    expect(breaker.title).toBe('A-B');
    expect(breaker.facts[0]).toMatchObject({ value: 'open', tone: 'bad' });
    expect(breaker.facts.at(-1)!.value).toBe('2.5s → open');
    expect(cards.find((c) => c.id === 'orders')!.chips).toEqual([{ label: 'paymentUnavailable', value: 2 }]);
    expect(cards.find((c) => c.id === 'registry-reg')!.chips![0]).toMatchObject({
      label: 'B',
      value: 0,
      tone: 'bad',
    });
    expect(cards.find((c) => c.group === 'Event bus')!.chips).toEqual([
      { label: 'g lag', value: 3, tone: undefined },
    ]);
  });

  it("shows each instance's share, failures and utilisation, and a proxy's per-route metrics", () => {
    const cards = stateCards(
      {
        nodes: {
          api: {
            kind: 'service',
            instances: [
              { id: 0, healthy: true, completed: 25, failed: 0, utilization: 0.1 },
              { id: 1, healthy: false, completed: 70, failed: 5, utilization: 0.3 },
            ],
          },
          side: {
            kind: 'proxy',
            proxy: { routes: [{ name: 'canary', count: 4, totalTimeMs: 10, errors: 1 }] },
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
