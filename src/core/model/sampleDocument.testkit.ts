import type { DocumentInput } from './schema';

/**
 * A small valid document that touches every node kind and edge kind: the example in
 * docs/diagram-format.md and the base the validation tests break one field at a time.
 */
export function sampleDocument(): DocumentInput {
  const at = (x: number, y: number) => ({ x, y });
  return {
    format: 'archplay',
    version: 2,
    name: 'Checkout',
    description: 'A client orders through a gateway; orders calls payments and records events.',
    nodes: [
      {
        id: 'web',
        kind: 'client',
        label: 'Web shoppers',
        position: at(0, 0),
        config: {
          workload: { kind: 'open', ratePerSec: 50 },
          requestMix: [{ method: 'POST', path: '/orders' }],
        },
      },
      {
        id: 'edge',
        kind: 'gateway',
        label: 'API gateway',
        position: at(200, 0),
        config: { routes: [{ pathPrefix: '/orders', target: 'orders' }] },
      },
      {
        id: 'orders',
        kind: 'service',
        label: 'Order service',
        position: at(400, 0),
        config: {
          instances: 3,
          serviceTimeMs: { kind: 'lognormal', meanMs: 12, stdDevMs: 4 },
          endpoints: [
            {
              method: 'POST',
              path: '/orders',
              steps: [
                { kind: 'work' },
                { kind: 'call', target: 'payments', method: 'POST', path: '/pay' },
                { kind: 'append', target: 'store', eventType: 'OrderPlaced' },
                { kind: 'publish', target: 'bus', topic: 'orders', key: 'orderId' },
                { kind: 'log', target: 'router', message: 'order placed' },
              ],
            },
            { path: '/orders/summary', steps: [{ kind: 'query', target: 'summary' }] },
          ],
        },
      },
      {
        id: 'payments',
        kind: 'service',
        label: 'Payment service',
        position: at(600, 0),
        config: { endpoints: [{ method: 'POST', path: '/pay' }] },
      },
      {
        id: 'mailer',
        kind: 'service',
        label: 'Notifications',
        position: at(600, 200),
        config: { subscriptions: [{ bus: 'bus', topic: 'orders', group: 'mailer' }] },
      },
      {
        id: 'payments-proxy',
        kind: 'proxy',
        label: 'Payments sidecar',
        position: at(600, -150),
        config: { attachedTo: 'payments' },
      },
      { id: 'mesh', kind: 'controlPlane', label: 'Mesh control plane', position: at(800, -150) },
      { id: 'registry', kind: 'registry', label: 'Registry', position: at(400, -200) },
      {
        id: 'config',
        kind: 'configServer',
        label: 'Config server',
        position: at(200, -200),
        config: { keys: { orders: { featureFastPath: true } } },
      },
      {
        id: 'bus',
        kind: 'eventBus',
        label: 'Event bus',
        position: at(400, 200),
        config: { topics: [{ name: 'orders' }] },
      },
      { id: 'store', kind: 'eventStore', label: 'Event store', position: at(400, 350) },
      {
        id: 'summary',
        kind: 'readModel',
        label: 'Order summary',
        position: at(600, 350),
        config: { source: 'store' },
      },
      { id: 'router', kind: 'logRouter', label: 'Log router', position: at(200, 350) },
      { id: 'logs', kind: 'logStore', label: 'Log shard', position: at(0, 350) },
    ],
    edges: [
      { id: 'web-edge', source: 'web', target: 'edge' },
      { id: 'edge-orders', source: 'edge', target: 'orders' },
      {
        id: 'orders-payments',
        source: 'orders',
        target: 'payments',
        config: { timeoutMs: 800, retry: { maxRetries: 2 }, breaker: {} },
      },
      { id: 'mesh-proxy', source: 'mesh', target: 'payments-proxy', kind: 'mesh' },
      { id: 'orders-registry', source: 'orders', target: 'registry', kind: 'registry' },
      { id: 'orders-config', source: 'orders', target: 'config', kind: 'config' },
      { id: 'orders-bus', source: 'orders', target: 'bus', kind: 'async' },
      { id: 'bus-mailer', source: 'bus', target: 'mailer', kind: 'async' },
      { id: 'orders-store', source: 'orders', target: 'store', kind: 'eventStore' },
      { id: 'store-summary', source: 'store', target: 'summary', kind: 'projection' },
      { id: 'orders-summary', source: 'orders', target: 'summary', kind: 'query' },
      { id: 'orders-router', source: 'orders', target: 'router', kind: 'log' },
      { id: 'router-logs', source: 'router', target: 'logs', kind: 'log' },
    ],
    scenario: {
      durationSec: 120,
      seed: 42,
      warmupSec: 10,
      workloadChanges: [{ atSec: 30, nodeId: 'web', ratePerSec: 200, rampSec: 10 }],
      faults: [
        { kind: 'addLatency', atSec: 60, nodeId: 'payments', latencyMs: 500, durationSec: 30 },
        { kind: 'killInstance', atSec: 90, nodeId: 'orders', instance: 2 },
        {
          kind: 'configChange',
          atSec: 100,
          nodeId: 'config',
          service: 'orders',
          key: 'featureFastPath',
          value: false,
        },
      ],
    },
  };
}
