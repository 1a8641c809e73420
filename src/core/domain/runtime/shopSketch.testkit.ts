import type { ArchDocument } from '../../model/schema';
import { buildDocument, constant } from '../../run/run.testkit';

/** Knobs of {@link shopDocument}. */
export interface ShopSketchOptions {
  ratePerSec?: number;
  durationSec?: number;
  seed?: number;
  /** Request-mix entries of the client (POST /orders); defaults to drawn orders. */
  orders?: { weight?: number; headers?: Record<string, string> }[];
  /** Extra client entries, e.g. GET /orders/history. */
  extraMix?: { weight?: number; method?: string; path: string; headers?: Record<string, string> }[];
  paymentErrorRate?: number;
  notifyErrorRate?: number;
  notifyInstances?: number;
  maxDeliveries?: number;
  redeliveryDelayMs?: number;
  projectionLatencyMs?: number;
  /** Timeout of order -> domain-service edges (ms). */
  callTimeoutMs?: number;
  faults?: unknown[];
  /** The scenario's `shop` (absent = the default shop). */
  shop?: Record<string, unknown>;
}

/**
 * A compact e-commerce topology for tests and benchmarks: a client placing orders, the order
 * service with its user, product, inventory and payment services, an event store with an
 * order-history read model, and an event bus whose order_created feeds a notification service.
 */
export function shopDocument(o: ShopSketchOptions = {}): ArchDocument {
  const svc = (domain: string, extra: Record<string, unknown> = {}) => ({
    instances: 2,
    concurrency: 16,
    serviceTimeMs: constant(2),
    domain,
    ...extra,
  });
  const call = { latencyMs: constant(1), timeoutMs: o.callTimeoutMs ?? 1000 };
  return buildDocument({
    nodes: [
      {
        id: 'web',
        kind: 'client',
        config: {
          workload: { kind: 'open', arrival: 'poisson', ratePerSec: o.ratePerSec ?? 50 },
          requestMix: [
            ...(o.orders ?? [{}]).map((m) => ({
              weight: m.weight ?? 1,
              method: 'POST',
              path: '/orders',
              headers: m.headers ?? {},
            })),
            ...(o.extraMix ?? []).map((m) => ({
              weight: m.weight ?? 1,
              method: m.method ?? 'GET',
              path: m.path,
              headers: m.headers ?? {},
            })),
          ],
        },
      },
      {
        id: 'order',
        kind: 'service',
        config: svc('order', {
          concurrency: 64,
          queueCapacity: 1000,
          endpoints: [
            {
              method: 'POST',
              path: '/orders',
              steps: [
                { kind: 'work' },
                { kind: 'log', target: 'logs', level: 'info', message: 'order received' },
              ],
            },
            {
              method: 'GET',
              path: '/orders/history',
              steps: [{ kind: 'work' }, { kind: 'query', target: 'history' }],
            },
          ],
        }),
      },
      { id: 'users', kind: 'service', config: svc('user') },
      { id: 'products', kind: 'service', config: svc('product') },
      { id: 'inventory', kind: 'service', config: svc('inventory') },
      { id: 'payment', kind: 'service', config: svc('payment', { errorRate: o.paymentErrorRate ?? 0 }) },
      {
        id: 'notify',
        kind: 'service',
        config: svc('notification', {
          instances: o.notifyInstances ?? 2,
          errorRate: o.notifyErrorRate ?? 0,
          endpoints: [],
          subscriptions: [
            { bus: 'bus', topic: 'order_created', group: 'notifications', steps: [{ kind: 'work' }] },
          ],
        }),
      },
      { id: 'store', kind: 'eventStore', config: { appendLatencyMs: constant(1), snapshotEvery: 3 } },
      {
        id: 'history',
        kind: 'readModel',
        config: {
          source: 'store',
          projectionLatencyMs: constant(o.projectionLatencyMs ?? 20),
          queryLatencyMs: constant(1),
        },
      },
      {
        id: 'bus',
        kind: 'eventBus',
        config: {
          topics: [{ name: 'order_created', partitions: 3, maxDeliveries: o.maxDeliveries ?? 5 }],
          deliveryLatencyMs: constant(1),
          redeliveryDelayMs: o.redeliveryDelayMs ?? 100,
        },
      },
      { id: 'logs', kind: 'logRouter', config: { strategy: 'serviceHash' } },
      { id: 'logsA', kind: 'logStore' },
      { id: 'logsB', kind: 'logStore' },
    ],
    edges: [
      { source: 'web', target: 'order', config: { timeoutMs: 10_000 } },
      { source: 'order', target: 'users', config: call },
      { source: 'order', target: 'products', config: call },
      { source: 'order', target: 'inventory', config: call },
      { source: 'order', target: 'payment', config: call },
      { source: 'order', target: 'store', kind: 'eventStore', config: call },
      { source: 'order', target: 'bus', kind: 'async', config: call },
      { source: 'order', target: 'history', kind: 'query' },
      { source: 'order', target: 'logs', kind: 'log' },
      { source: 'bus', target: 'notify', kind: 'async' },
      { source: 'store', target: 'history', kind: 'projection' },
      { source: 'logs', target: 'logsA', kind: 'log' },
      { source: 'logs', target: 'logsB', kind: 'log' },
    ],
    scenario: {
      durationSec: o.durationSec ?? 10,
      seed: o.seed ?? 1,
      faults: o.faults ?? [],
      ...(o.shop ? { shop: o.shop } : {}),
    },
  });
}
