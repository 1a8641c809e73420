import { describe, expect, it } from 'vitest';
import bank from '../../../public/examples/bank-account.json';
import ecommerce from '../../../public/examples/ecommerce.json';
import { type CauseName, FAILURE_CAUSES } from '../metrics/failureCause';
import { validateDocument } from '../model/validate';
import { createRun } from './createRun';
import { buildDocument, constant, type DocumentSketch } from './run.testkit';
import type { RunSummary } from './summary';

/** Every cause seen by any test below, to check at the end that the closed list is what runs produce. */
const seen = new Set<CauseName>();

function run(sketch: DocumentSketch, seconds = 6): RunSummary {
  const doc = buildDocument({
    ...sketch,
    scenario: {
      durationSec: seconds,
      // Clients stop a second before the end, so every request has its answer.
      workloadChanges: sketch.nodes
        .filter((n) => n.kind === 'client')
        .map((n) => ({ atSec: seconds - 1, nodeId: n.id, ratePerSec: 0 })),
      ...sketch.scenario,
    },
  });
  const r = createRun(doc);
  r.runToEnd();
  const summary = r.summary();
  expect(summary.invariants.violations).toEqual([]);
  for (const node of Object.values(summary.failures.byNode))
    for (const cause of Object.keys(node)) seen.add(cause as CauseName);
  return summary;
}

/** The causes that failed the system's requests (non-zero only). */
function clientCauses(s: RunSummary): Partial<Record<CauseName, number>> {
  return Object.fromEntries(Object.entries(s.failures.byCause).filter(([, n]) => n > 0));
}

const client = (rate = 100, config: Record<string, unknown> = {}) => ({
  id: 'web',
  kind: 'client',
  config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: rate }, ...config },
});
const service = (id: string, config: Record<string, unknown> = {}) => ({
  id,
  kind: 'service',
  config: { serviceTimeMs: constant(2), ...config },
});
/** A service's one endpoint that calls `b`. */
const callsB = { endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'b', path: '/' }] }] };
const edge = (source: string, target: string, config: Record<string, unknown> = {}) => ({
  source,
  target,
  config: { latencyMs: constant(1), ...config },
});

describe('failure causes, assigned where the failure starts and carried to the client', () => {
  it('a gateway without a matching route fails every request as no route, at the gateway and the client', () => {
    const s = run({
      nodes: [client(), { id: 'gw', kind: 'gateway' }, service('a'), service('b')],
      edges: [edge('web', 'gw'), edge('gw', 'a'), edge('gw', 'b')],
    });
    expect(s.requests.failed).toBeGreaterThan(0);
    expect(clientCauses(s)).toEqual({ noRoute: s.requests.failed });
    expect(s.failures.byNode.gw).toEqual({ noRoute: s.requests.failed });
    expect(s.failures.byNode.web).toEqual({ noRoute: s.requests.failed });
    expect(s.failures.byEdge['web-gw']).toEqual({ noRoute: s.requests.failed });
  });

  it("a gateway's auth check and rate limit are unauthorized and rate limited", () => {
    const routes = [{ pathPrefix: '/', target: 'a' }];
    const auth = run({
      nodes: [
        client(100, { requestMix: [{ path: '/' }, { path: '/', headers: { authorization: 't' } }] }),
        { id: 'gw', kind: 'gateway', config: { routes, auth: { requiredHeader: 'Authorization' } } },
        service('a'),
      ],
      edges: [edge('web', 'gw'), edge('gw', 'a')],
    });
    expect(clientCauses(auth)).toEqual({ unauthorized: auth.requests.failed });
    const limited = run({
      nodes: [
        client(),
        { id: 'gw', kind: 'gateway', config: { routes, rateLimit: { ratePerSec: 20, burst: 5 } } },
        service('a'),
      ],
      edges: [edge('web', 'gw'), edge('gw', 'a')],
    });
    expect(clientCauses(limited)).toEqual({ rateLimited: limited.requests.failed });
  });

  it('a service without the path is no route; with the path but not the method, method not allowed', () => {
    const s = run({
      nodes: [
        client(100, { requestMix: [{ path: '/orders' }, { path: '/other' }] }),
        service('a', { endpoints: [{ method: 'POST', path: '/orders', steps: [{ kind: 'work' }] }] }),
      ],
      edges: [edge('web', 'a')],
    });
    const causes = clientCauses(s);
    expect(Object.keys(causes).sort()).toEqual(['methodNotAllowed', 'noRoute']);
    expect(s.failures.byNode.a).toEqual(causes);
  });

  it("a full queue is queue full at a service, pool exhausted at a sidecar's connection pool", () => {
    const queue = run({
      nodes: [
        client(200),
        service('a', { instances: 1, concurrency: 1, queueCapacity: 2, serviceTimeMs: constant(50) }),
      ],
      edges: [edge('web', 'a')],
    });
    expect(clientCauses(queue)).toEqual({ queueFull: queue.requests.failed });
    expect(queue.failures.byNode.a).toEqual({ queueFull: queue.nodes.a!.rejected });
    const pool = run({
      nodes: [
        client(200),
        {
          id: 'mesh',
          kind: 'proxy',
          config: { connectionPool: { maxConnections: 2, maxPendingRequests: 3 } },
        },
        service('a', { serviceTimeMs: constant(50) }),
      ],
      edges: [edge('web', 'mesh'), edge('mesh', 'a')],
    });
    expect(clientCauses(pool)).toEqual({ poolExhausted: pool.requests.failed });
  });

  it("a sidecar's authorization policy is forbidden, its STRICT mTLS against an outside caller mTLS refused", () => {
    const denied = run({
      nodes: [
        client(100, { requestMix: [{ path: '/api' }, { path: '/admin' }] }),
        { id: 'mesh', kind: 'proxy', config: { policies: [{ action: 'DENY', paths: ['/admin*'] }] } },
        service('a'),
      ],
      edges: [edge('web', 'mesh'), edge('mesh', 'a')],
    });
    expect(clientCauses(denied)).toEqual({ forbidden: denied.requests.failed });
    const strict = run({
      nodes: [client(), { id: 'mesh', kind: 'proxy', config: { mtls: 'STRICT' } }, service('a')],
      edges: [edge('web', 'mesh'), edge('mesh', 'a')],
    });
    expect(clientCauses(strict)).toEqual({ tlsRefused: strict.requests.failed });
  });

  it("an error probability is an injected error; the caller's 502 keeps the callee's cause", () => {
    const s = run({
      nodes: [
        client(),
        service('a', { endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'b', path: '/' }] }] }),
        service('b', { errorRate: 0.3 }),
      ],
      edges: [edge('web', 'a'), edge('a', 'b')],
    });
    expect(s.requests.failed).toBeGreaterThan(50);
    expect(clientCauses(s)).toEqual({ injectedError: s.requests.failed });
    expect(s.failures.byNode.a).toEqual({ injectedError: s.nodes.a!.failed });
    expect(s.failures.byNode.b).toEqual({ injectedError: s.nodes.b!.failed });
    expect(s.failures.byEdge['a-b']).toEqual({ injectedError: s.edges['a-b']!.failed });
  });

  it('a deadline is a timeout; a breaker that opened on them refuses the next calls as breaker open', () => {
    const s = run(
      {
        nodes: [client(50), service('a', { serviceTimeMs: constant(100) })],
        edges: [
          edge('web', 'a', {
            timeoutMs: 20,
            breaker: { minimumNumberOfCalls: 10, slidingWindowSize: 10, waitDurationInOpenStateMs: 60_000 },
          }),
        ],
      },
      4,
    );
    expect(Object.keys(clientCauses(s)).sort()).toEqual(['breakerOpen', 'timeout']);
    expect(s.failures.byCause.breakerOpen).toBe(s.edges['web-a']!.rejected);
    expect(s.failures.byCause.timeout).toBe(s.edges['web-a']!.timeouts);
  });

  it('a static fallback that answers 200 is no failure, though the edge counts its cause', () => {
    const s = run({
      nodes: [client(), service('a', { errorRate: 0.5 })],
      edges: [edge('web', 'a', { fallback: { kind: 'static', status: 200 } })],
    });
    expect(s.requests.failed).toBe(0);
    expect(s.failures.byEdge['web-a']).toEqual({ injectedError: s.edges['web-a']!.failed });
    expect(s.edges['web-a']!.failed).toBeGreaterThan(0);
  });

  it('a killed instance is instance down; a mesh route whose destinations all weigh 0 is no healthy upstream', () => {
    const killed = run(
      {
        nodes: [client(20), service('a', { instances: 1 })],
        edges: [edge('web', 'a')],
        scenario: { faults: [{ kind: 'killInstance', atSec: 1, nodeId: 'a', instance: 0 }] },
      },
      10,
    );
    expect(clientCauses(killed)).toEqual({ instanceDown: killed.requests.failed });
    const weightless = run({
      nodes: [
        client(),
        {
          id: 'mesh',
          kind: 'proxy',
          config: {
            routes: [
              {
                name: 'all',
                destinations: [
                  { target: 'a', weight: 0 },
                  { target: 'b', weight: 0 },
                ],
              },
            ],
          },
        },
        service('a'),
        service('b'),
      ],
      edges: [edge('web', 'mesh'), edge('mesh', 'a'), edge('mesh', 'b')],
    });
    expect(clientCauses(weightless)).toEqual({ noHealthyUpstream: weightless.requests.failed });
  });

  it('a partition between caller and callee is partitioned', () => {
    const s = run({
      nodes: [client(), service('a')],
      edges: [edge('web', 'a')],
      scenario: { faults: [{ kind: 'partition', atSec: 1, a: 'web', b: 'a', durationSec: 2 }] },
    });
    expect(clientCauses(s)).toEqual({ partitioned: s.requests.failed });
    expect(s.requests.failed).toBeGreaterThan(150);
  });

  it('a step to a node with no edge drawn, or a client with no edge, is not wired', () => {
    const s = run({
      nodes: [
        client(),
        service('a', { endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'b', path: '/' }] }] }),
        service('b'),
        { id: 'lonely', kind: 'client', config: { workload: { kind: 'open', ratePerSec: 10 } } },
      ],
      edges: [edge('web', 'a')],
    });
    expect(clientCauses(s)).toEqual({ notWired: s.requests.failed });
    expect(s.failures.byNode.lonely).toEqual({ notWired: s.nodes.lonely!.failed });
  });

  it('a dependency switched off by a config key is switched off', () => {
    const s = run(
      {
        nodes: [
          client(50),
          service('a', { endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'b', path: '/' }] }] }),
          service('b'),
          { id: 'cfg', kind: 'configServer', config: { mode: 'push' } },
        ],
        edges: [edge('web', 'a'), edge('a', 'b'), { source: 'a', target: 'cfg', kind: 'config' }],
        scenario: {
          faults: [
            { kind: 'configChange', atSec: 2, nodeId: 'cfg', service: 'a', key: 'enabled', value: false },
          ],
        },
      },
      6,
    );
    expect(clientCauses(s)).toEqual({ switchedOff: s.requests.failed });
    expect(s.requests.failed).toBeGreaterThan(100);
  });

  it('an append with a stale expected version is a conflict', () => {
    const s = run({
      nodes: [
        client(20, {
          requestMix: [
            { path: '/', headers: { 'x-aggregate-id': 'cart-1', 'x-expected-version': 'noStream' } },
          ],
        }),
        service('a', {
          endpoints: [{ path: '/', steps: [{ kind: 'append', target: 'store', eventType: 'Added' }] }],
        }),
        { id: 'store', kind: 'eventStore' },
      ],
      edges: [edge('web', 'a'), { source: 'a', target: 'store', kind: 'eventStore' }],
    });
    // The first append finds no stream; every later one finds it and is refused.
    expect(clientCauses(s)).toEqual({ conflict: s.requests.failed });
    expect(s.requests.failed).toBe(s.requests.total - 1);
  });

  it("the e-commerce template's orders fail for business reasons and for the technical causes of their calls", () => {
    const parsed = validateDocument(ecommerce);
    if (!parsed.ok) throw new Error('the template does not validate');
    const r = createRun(parsed.document, { durationSec: 30 });
    r.runToEnd();
    const s = r.summary();
    expect(s.invariants.violations).toEqual([]);
    for (const node of Object.values(s.failures.byNode))
      for (const cause of Object.keys(node)) seen.add(cause as CauseName);
    const byReason = s.orders!.failedByReason;
    expect(s.failures.byCause.paymentDeclined).toBe(byReason.paymentDeclined ?? 0);
    expect(s.failures.byCause.outOfStock).toBe(byReason.insufficientStock ?? 0);
    expect(s.failures.byCause.unknownEntity).toBeGreaterThanOrEqual(
      (byReason.unknownUser ?? 0) + (byReason.unknownProduct ?? 0),
    );
    for (const cause of ['paymentDeclined', 'outOfStock', 'unknownEntity', 'invalidOrder'] as const)
      expect(s.failures.byCause[cause]).toBeGreaterThan(0);
    // Orders that failed because payment was out of reach carry why: the breaker or the deadline.
    const unreachable = byReason.paymentUnavailable ?? 0;
    expect(unreachable).toBeGreaterThan(0);
    expect(s.failures.byCause.breakerOpen + s.failures.byCause.timeout).toBeGreaterThanOrEqual(unreachable);
  });

  it('a link fault that loses the request or its reply is message lost, at the caller and the client', () => {
    const s = run({
      nodes: [client(), service('a', callsB), service('b')],
      edges: [edge('web', 'a'), edge('a', 'b')],
      scenario: { faults: [{ kind: 'linkFaults', atSec: 0, edgeId: 'a-b', lossRate: 0.3 }] },
    });
    expect(s.requests.failed).toBeGreaterThan(50);
    expect(clientCauses(s)).toEqual({ messageLost: s.requests.failed });
    expect(s.failures.byEdge['a-b']).toEqual({ messageLost: s.requests.failed });
  });

  it('an eventLoop instance out of connections is connection limit; a full queue stays queue full', () => {
    const gateway = (config: Record<string, unknown>) => ({
      id: 'gw',
      kind: 'gateway',
      config: { routes: [{ pathPrefix: '/', target: 'a' }], ioModel: 'eventLoop', ...config },
    });
    const slowA = service('a', { serviceTimeMs: constant(200), concurrency: 1000 });
    const conns = run({
      nodes: [client(), gateway({ maxConnections: 5 }), slowA],
      edges: [edge('web', 'gw'), edge('gw', 'a')],
    });
    expect(conns.requests.failed).toBeGreaterThan(100);
    expect(clientCauses(conns)).toEqual({ connectionLimit: conns.requests.failed });
    const queue = run({
      nodes: [
        client(),
        gateway({ concurrency: 1, queueCapacity: 1, serviceTimeMs: constant(30) }),
        service('a'),
      ],
      edges: [edge('web', 'gw'), edge('gw', 'a')],
    });
    expect(queue.requests.failed).toBeGreaterThan(100);
    expect(clientCauses(queue)).toEqual({ queueFull: queue.requests.failed });
  });

  it('a gray failure or a slow disk fails only through the deadline it pushes a request past: timeout', () => {
    const gray = run({
      nodes: [client(), service('a')],
      edges: [edge('web', 'a', { timeoutMs: 50 })],
      scenario: { faults: [{ kind: 'grayFailure', atSec: 1, nodeId: 'a', share: 0.5, factor: 100 }] },
    });
    expect(gray.requests.failed).toBeGreaterThan(50);
    expect(clientCauses(gray)).toEqual({ timeout: gray.requests.failed });
    const disk = run({
      nodes: [
        client(50),
        service('a', {
          endpoints: [{ path: '/', steps: [{ kind: 'append', target: 'store', eventType: 'E' }] }],
        }),
        { id: 'store', kind: 'eventStore' },
      ],
      edges: [
        edge('web', 'a'),
        {
          source: 'a',
          target: 'store',
          kind: 'eventStore',
          config: { latencyMs: constant(1), timeoutMs: 100 },
        },
      ],
      scenario: { faults: [{ kind: 'slowDisk', atSec: 1, nodeId: 'store', factor: 1000 }] },
    });
    expect(disk.requests.failed).toBeGreaterThan(50);
    expect(clientCauses(disk)).toEqual({ timeout: disk.requests.failed });
  });

  it("a bus fault's lost delivery is message lost on the consumer's edge; clock skew fails nothing", () => {
    const s = run({
      nodes: [
        client(50),
        service('a', { endpoints: [{ path: '/', steps: [{ kind: 'publish', target: 'bus', topic: 't' }] }] }),
        { id: 'bus', kind: 'eventBus', config: { topics: [{ name: 't' }] } },
        service('b', { subscriptions: [{ bus: 'bus', topic: 't', group: 'b' }] }),
      ],
      edges: [
        edge('web', 'a'),
        { source: 'a', target: 'bus', kind: 'async' },
        { source: 'bus', target: 'b', kind: 'async' },
      ],
      scenario: {
        faults: [
          { kind: 'busFaults', atSec: 0, nodeId: 'bus', lossRate: 0.2, duplicateRate: 0.1, reorderRate: 0.1 },
          { kind: 'clockSkew', atSec: 0, nodeId: 'a', skewMs: 60_000 },
        ],
      },
    });
    expect(s.requests.failed).toBe(0);
    expect(s.failures.byEdge['bus-b']!.messageLost).toBeGreaterThan(10);
    expect(Object.keys(s.failures.byEdge['bus-b']!)).toEqual(['messageLost']);
  });

  it("an aggregate's rule refusing a command is command rejected, at the store and the client", () => {
    const parsed = validateDocument(bank);
    if (!parsed.ok) throw new Error('the template does not validate');
    const r = createRun(parsed.document, { durationSec: 20, traceSampleEvery: 0 });
    r.runToEnd();
    const s = r.summary();
    expect(s.invariants.violations).toEqual([]);
    for (const node of Object.values(s.failures.byNode))
      for (const cause of Object.keys(node)) seen.add(cause as CauseName);
    const rejected = s.failures.byNode.ledger?.commandRejected ?? 0;
    expect(rejected).toBeGreaterThan(0);
    expect(s.failures.byCause.commandRejected).toBe(rejected);
  });

  it('every failure has a cause: byCause sums to requests.failed', () => {
    const s = run({
      nodes: [client(200), service('a', { instances: 1, concurrency: 1, queueCapacity: 5, errorRate: 0.2 })],
      edges: [edge('web', 'a', { timeoutMs: 40 })],
    });
    const sum = Object.values(s.failures.byCause).reduce((a, b) => a + b, 0);
    expect(sum).toBe(s.requests.failed);
    expect(Object.keys(s.failures.byCause)).toEqual(FAILURE_CAUSES);
  });

  it('the closed list holds no cause that a valid diagram cannot produce, but bad request', () => {
    // A bad request (400) answers a data node's wrong step kind, which validation refuses, and a saga
    // call meant for another service: it guards the runtime rather than describe a design.
    const unseen = FAILURE_CAUSES.filter((c) => !seen.has(c));
    expect(unseen).toEqual(['badRequest']);
  });
});
