import { describe, expect, it } from 'vitest';
import type { JsonObject } from './migrations';
import { sampleDocument } from './sampleDocument.testkit';
import { formatIssue, validateDocument } from './validate';

// biome-ignore lint/suspicious/noExplicitAny: tests poke at raw JSON, whose shape is the point.
type Raw = any;

/** The problems of the sample document after one edit. */
function broken(edit: (doc: Raw) => void): string[] {
  const doc = structuredClone(sampleDocument()) as JsonObject;
  edit(doc);
  const result = validateDocument(doc);
  return result.ok ? [] : result.errors.map(formatIssue);
}

const nodeAt = (doc: Raw, id: string) => doc.nodes.find((n: Raw) => n.id === id);

describe('the schema refuses what cannot run', () => {
  it('a client rate above 1,000,000 per second, in the workload and in a workload change', () => {
    expect(broken((d) => (nodeAt(d, 'web').config.workload.ratePerSec = 1e9))).toEqual([
      'Web shoppers (nodes[0], id "web").config.workload.ratePerSec: expected a number <= 1000000, got 1000000000',
    ]);
    expect(
      broken((d) => (d.scenario = { workloadChanges: [{ atSec: 1, nodeId: 'web', ratePerSec: 2e6 }] })),
    ).toEqual(['scenario.workloadChanges[0].ratePerSec: expected a number <= 1000000, got 2000000']);
  });

  it('a closed workload of more than 100,000 users', () => {
    expect(broken((d) => (nodeAt(d, 'web').config.workload = { kind: 'closed', users: 1e9 }))).toEqual([
      'Web shoppers (nodes[0], id "web").config.workload.users: expected an integer <= 100000, got 1000000000',
    ]);
  });

  it('more than 1000 instances of a service or a gateway, with the documented limit even for 1e308', () => {
    expect(broken((d) => (nodeAt(d, 'edge').config.instances = 1e6))).toEqual([
      'API gateway (nodes[1], id "edge").config.instances: expected an integer <= 1000, got 1000000',
    ]);
    expect(broken((d) => (nodeAt(d, 'orders').config.instances = 1e308))).toEqual([
      'Order service (nodes[2], id "orders").config.instances: expected an integer <= 1000, got 1e+308',
    ]);
  });

  it('queues and connection pools past 100,000', () => {
    expect(broken((d) => (nodeAt(d, 'orders').config.queueCapacity = 1e15))).toEqual([
      'Order service (nodes[2], id "orders").config.queueCapacity: expected an integer <= 100000, got 1000000000000000',
    ]);
    expect(
      broken((d) => (nodeAt(d, 'payments-proxy').config.connectionPool = { maxPendingRequests: 1e7 })),
    ).toEqual([
      'Payments sidecar (nodes[5], id "payments-proxy").config.connectionPool.maxPendingRequests: expected an integer <= 100000, got 10000000',
    ]);
  });

  it('breaker windows past 100,000 calls or 3600 seconds', () => {
    const breaker = (b: Raw) => (d: Raw) => (d.edges[2].config.breaker = b);
    expect(broken(breaker({ slidingWindowSize: 1e10 }))).toEqual([
      'Order service -> Payment service (edges[2], id "orders-payments").config.breaker.slidingWindowSize: expected an integer <= 100000, got 10000000000',
    ]);
    expect(broken(breaker({ slidingWindowType: 'time', slidingWindowSize: 7200 }))).toEqual([
      'Order service -> Payment service (edges[2], id "orders-payments").config.breaker.slidingWindowSize: a time window must be at most 3600 s (three counters a second are kept)',
    ]);
    expect(broken(breaker({ slidingWindowType: 'time', slidingWindowSize: 3600 }))).toEqual([]);
  });

  it('heartbeats, leases, evictions and polls shorter than 1 ms', () => {
    expect(broken((d) => (nodeAt(d, 'registry').config = { heartbeatIntervalMs: 1e-300 }))).toEqual([
      'Registry (nodes[7], id "registry").config.heartbeatIntervalMs: must be at least 1 ms: a shorter period would stall the clock, got 1e-300',
    ]);
    expect(broken((d) => (nodeAt(d, 'config').config.pollIntervalMs = 1e-6))).toEqual([
      'Config server (nodes[8], id "config").config.pollIntervalMs: must be at least 1 ms: a shorter period would stall the clock, got 0.000001',
    ]);
    expect(
      broken((d) => (nodeAt(d, 'registry').config = { leaseMs: 0.5, evictionIntervalMs: 0.5 })),
    ).toHaveLength(2);
  });

  it('a lognormal whose spread overflows its samples, and durations beyond one day', () => {
    const serviceTime = (t: Raw) => (d: Raw) => (nodeAt(d, 'payments').config.serviceTimeMs = t);
    expect(broken(serviceTime({ kind: 'lognormal', meanMs: 1e-300, stdDevMs: 1 }))).toEqual([
      'Payment service (nodes[3], id "payments").config.serviceTimeMs.stdDevMs: must be at most 1000 × meanMs: a wider lognormal draws samples that overflow',
    ]);
    expect(broken(serviceTime({ kind: 'normal', meanMs: 10, stdDevMs: 1e300 }))).toEqual([
      'Payment service (nodes[3], id "payments").config.serviceTimeMs.stdDevMs: must be at most 86400000 ms (one day, the longest run), got 1e+300',
    ]);
    expect(broken(serviceTime({ kind: 'lognormal', meanMs: 40, stdDevMs: 40_000 }))).toEqual([]);
  });

  it('times on the timeline beyond one day', () => {
    expect(
      broken((d) => (d.scenario = { faults: [{ kind: 'killInstance', nodeId: 'orders', atSec: 1e306 }] })),
    ).toEqual(['scenario.faults[0].atSec: must be at most 86400 s (one day, the longest run), got 1e+306']);
  });

  it('an invalid header regex, at validation, as path: message', () => {
    const route = (value: string) => (d: Raw) =>
      (nodeAt(d, 'payments-proxy').config.routes = [
        {
          match: { headers: { 'x-user': { kind: 'regex', value } } },
          destinations: [{ target: 'payments' }],
        },
      ]);
    expect(broken(route('(a+'))).toEqual([
      'Payments sidecar (nodes[5], id "payments-proxy").config.routes[0].match.headers["x-user"].value: is not a valid RE2 regular expression: missing closing ): `(a+`',
    ]);
    expect(broken(route('^(a+)+$'))).toEqual([]);
  });
});
