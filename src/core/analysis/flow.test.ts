import { describe, expect, it } from 'vitest';
import { client, contextOf, edge, node } from './analysis.testkit';

const constant = (ms: number) => ({ kind: 'constant', ms });
const loadOf = (ctx: ReturnType<typeof contextOf>, id: string) => ctx.nodeLoad.get(id)!;

describe('static flow analysis', () => {
  it('computes rho = rate x holding time / slots: 100 req/s, 2 x 4 slots, 20 ms => 0.25', () => {
    const ctx = contextOf(
      [client('c', 100), node('s', 'service', { instances: 2, concurrency: 4, serviceTimeMs: constant(20) })],
      [edge('c', 's')],
    );
    const s = loadOf(ctx, 's');
    expect(s.offeredPerSec).toBe(100);
    expect(s.holdingMs).toBe(20);
    expect(s.slots).toBe(8);
    expect(s.capacityPerSec).toBe(400);
    expect(s.utilisation).toBe(0.25);
    expect(s.status).toBe('ok');
  });

  it('holds a caller slot for its work plus both network trips and the callee answer', () => {
    const ctx = contextOf(
      [
        client('c', 50, 'POST', '/orders'),
        node('a', 'service', {
          instances: 1,
          concurrency: 1,
          endpoints: [
            {
              method: 'POST',
              path: '/orders',
              steps: [
                { kind: 'work', durationMs: constant(10) },
                { kind: 'call', target: 'b', method: 'POST', path: '/pay' },
              ],
            },
          ],
        }),
        node('b', 'service', { serviceTimeMs: constant(5), endpoints: [{ method: 'POST', path: '/pay' }] }),
      ],
      [edge('c', 'a'), edge('a', 'b', { latencyMs: constant(1) })],
    );
    // 10 ms work + 1 ms there + 5 ms at b + 1 ms back = 17 ms; 50/s x 17 ms = 0.85 of one slot.
    expect(loadOf(ctx, 'a').holdingMs).toBe(17);
    expect(loadOf(ctx, 'a').utilisation).toBe(0.85);
    expect(loadOf(ctx, 'a').status).toBe('warn');
    expect(ctx.edgeLoad.get('a-b')!.responseMs).toBe(7);
    expect(loadOf(ctx, 'b').offeredPerSec).toBe(50);
  });

  it('flags a node as overloaded at rho >= 1', () => {
    const ctx = contextOf(
      [client('c', 500), node('s', 'service', { instances: 1, concurrency: 4, serviceTimeMs: constant(10) })],
      [edge('c', 's')],
    );
    expect(loadOf(ctx, 's').utilisation).toBe(1.25);
    expect(loadOf(ctx, 's').status).toBe('overloaded');
  });

  it('drives the flow with the peak rate of scenario workload changes', () => {
    const ctx = contextOf([client('c', 10), node('s', 'service')], [edge('c', 's')], {
      workloadChanges: [
        { atSec: 5, nodeId: 'c', ratePerSec: 80 },
        { atSec: 10, nodeId: 'c', ratePerSec: 30 },
      ],
    });
    expect(ctx.load.clients[0]).toMatchObject({ baseRatePerSec: 10, peakRatePerSec: 80 });
    expect(loadOf(ctx, 's').offeredPerSec).toBe(80);
  });

  it('derives a closed workload rate from users / (think time + response time)', () => {
    const closed = node('c', 'client', {
      workload: { kind: 'closed', users: 10, thinkTimeMs: constant(978) },
    });
    // Response: 1 ms there + 20 ms work + 1 ms back = 22 ms; cycle 1000 ms; 10 users => 10 req/s.
    const ctx = contextOf([closed, node('s', 'service', { serviceTimeMs: constant(20) })], [edge('c', 's')]);
    expect(ctx.load.clients[0]!.responseMs).toBe(22);
    expect(ctx.load.clients[0]!.peakRatePerSec).toBe(10);
  });

  it('routes through the gateway by prefix and matches endpoints exact-then-longest-prefix', () => {
    const ctx = contextOf(
      [
        node('c', 'client', {
          workload: { kind: 'open', ratePerSec: 100 },
          requestMix: [
            { weight: 3, method: 'GET', path: '/users/42' },
            { weight: 1, method: 'GET', path: '/users' },
          ],
        }),
        node('gw', 'gateway', { routes: [{ pathPrefix: '/users', target: 'u' }] }),
        node('u', 'service', {
          endpoints: [
            { method: 'GET', path: '/users', steps: [{ kind: 'work', durationMs: constant(2) }] },
            { method: 'GET', path: '/users/', steps: [{ kind: 'work', durationMs: constant(8) }] },
          ],
        }),
      ],
      [edge('c', 'gw'), edge('gw', 'u')],
    );
    const handlers = ctx.load.handlers.filter((h) => h.nodeId === 'u');
    expect(handlers).toEqual(
      expect.arrayContaining([
        { nodeId: 'u', handler: 'GET /users/', ratePerSec: 75, holdingMs: 8 },
        { nodeId: 'u', handler: 'GET /users', ratePerSec: 25, holdingMs: 2 },
      ]),
    );
  });

  it('reports unserved traffic: no gateway route, wrong method', () => {
    const ctx = contextOf(
      [
        node('c', 'client', {
          workload: { kind: 'open', ratePerSec: 10 },
          requestMix: [
            { method: 'GET', path: '/nowhere' },
            { method: 'DELETE', path: '/users' },
          ],
        }),
        node('gw', 'gateway', { routes: [{ pathPrefix: '/users', target: 'u' }] }),
        node('u', 'service', { endpoints: [{ method: 'GET', path: '/users' }] }),
      ],
      [edge('c', 'gw'), edge('gw', 'u')],
    );
    expect(ctx.load.unserved.map((u) => [u.nodeId, u.reason, u.ratePerSec])).toEqual([
      ['gw', 'noRoute', 5],
      ['u', 'methodNotAllowed', 5],
    ]);
  });

  it('splits a mesh route by weight (canary 90/10)', () => {
    const ctx = contextOf(
      [
        client('c', 200),
        node('p', 'proxy', {
          routes: [
            {
              destinations: [
                { target: 'v1', weight: 90 },
                { target: 'v2', weight: 10 },
              ],
            },
          ],
        }),
        node('v1', 'service'),
        node('v2', 'service'),
      ],
      [edge('c', 'p'), edge('p', 'v1'), edge('p', 'v2')],
    );
    expect(loadOf(ctx, 'v1').offeredPerSec).toBe(180);
    expect(loadOf(ctx, 'v2').offeredPerSec).toBe(20);
  });

  it('multiplies worst-case load by (1 + maxRetries) per retrying edge', () => {
    const ctx = contextOf(
      [
        client('c', 10),
        node('a', 'service', {
          endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'b', path: '/' }] }],
        }),
        node('b', 'service', { errorRate: 0.5 }),
      ],
      [edge('c', 'a', { retry: { maxRetries: 1 } }), edge('a', 'b', { retry: { maxRetries: 2 } })],
    );
    expect(loadOf(ctx, 'b').worstCasePerSec).toBe(60);
    // Expected attempts at error rate 0.5 with 2 retries: 1 + 0.5 + 0.25.
    expect(ctx.edgeLoad.get('a-b')!.attemptsPerSec).toBe(17.5);
    expect(ctx.edgeLoad.get('a-b')!.worstCaseAttemptsPerSec).toBe(60);
  });

  it('delivers each event once per consumer group, split by instances inside a group', () => {
    const publisher = node('pub', 'service', {
      endpoints: [{ path: '/', steps: [{ kind: 'publish', target: 'bus', topic: 't' }] }],
    });
    const sub = (id: string, group: string, instances: number) =>
      node(id, 'service', { instances, subscriptions: [{ bus: 'bus', topic: 't', group }] });
    const ctx = contextOf(
      [
        client('c', 40),
        publisher,
        node('bus', 'eventBus', { topics: [{ name: 't' }] }),
        sub('a1', 'A', 1),
        sub('a2', 'A', 3),
        sub('b', 'B', 2),
      ],
      [
        edge('c', 'pub'),
        edge('pub', 'bus', {}, 'async'),
        edge('bus', 'a1', {}, 'async'),
        edge('bus', 'b', {}, 'async'),
      ],
    );
    expect(loadOf(ctx, 'bus').offeredPerSec).toBe(40);
    expect(loadOf(ctx, 'a1').offeredPerSec).toBe(10);
    expect(loadOf(ctx, 'a2').offeredPerSec).toBe(30);
    expect(loadOf(ctx, 'b').offeredPerSec).toBe(40);
  });

  it('cuts and reports a call cycle instead of looping', () => {
    const caller = (id: string, target: string) =>
      node(id, 'service', { endpoints: [{ path: '/', steps: [{ kind: 'call', target, path: '/' }] }] });
    const ctx = contextOf(
      [client('c', 1), caller('a', 'b'), caller('b', 'a')],
      [edge('c', 'a'), edge('a', 'b'), edge('b', 'a')],
    );
    expect(ctx.load.cycles).toEqual([['a', 'b', 'a']]);
    expect(loadOf(ctx, 'b').offeredPerSec).toBe(1);
  });
});
