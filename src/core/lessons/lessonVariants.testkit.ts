import { resolveSlot } from './keep';

/**
 * Changes to a lesson's starter that make another design: field paths by id
 * (`nodes.catalog.config.instances`) set to a value, and `+scenario.faults` appending faults to the
 * timeline (for lessons whose fix is a change on the timeline).
 */
export type Patch = Readonly<Record<string, unknown>>;

/** A design made from the starter by a patch, as plain JSON (validated by the check). */
export function patched(starter: unknown, patch: Patch): unknown {
  const doc = JSON.parse(JSON.stringify(starter));
  for (const [path, value] of Object.entries(patch)) {
    if (path === '+scenario.faults') {
      doc.scenario.faults.push(...(value as unknown[]));
      continue;
    }
    const slot = resolveSlot(doc, path);
    if (typeof slot === 'string') throw new Error(`${path}: ${slot}`);
    slot.parent[slot.key] = JSON.parse(JSON.stringify(value));
  }
  return doc;
}

interface Variant {
  name: string;
  patch: Patch;
}

/**
 * For every lesson, designs other than its reference solution: `right` ones reach the goal another
 * way (so the checks test the goal, not the solution) and `wrong` ones are plausible fixes that do
 * not (so the checks are not easy to pass).
 */
export const lessonVariants: Record<string, { right: Variant[]; wrong: Variant[] }> = {
  redundancy: {
    right: [
      {
        name: 'three instances, least request',
        patch: {
          'nodes.catalog.config.instances': 3,
          'edges.shoppers-catalog.config': { loadBalancer: { policy: 'leastRequest' } },
        },
      },
    ],
    wrong: [
      {
        name: 'one bigger instance',
        patch: { 'nodes.catalog.config.concurrency': 64, 'nodes.catalog.config.queueCapacity': 1000 },
      },
    ],
  },
  'lossy-network': {
    right: [
      {
        name: 'three retries on connect only',
        patch: { 'edges.frontend-orders.config.retry': { maxRetries: 3, retryOn: ['connect'] } },
      },
    ],
    wrong: [
      {
        name: 'retries on 5xx only',
        patch: { 'edges.frontend-orders.config.retry': { maxRetries: 3, retryOn: ['5xx'] } },
      },
    ],
  },
  bottleneck: {
    right: [{ name: 'three payment instances', patch: { 'nodes.payment.config.instances': 3 } }],
    wrong: [
      {
        name: 'scale checkout',
        patch: { 'nodes.checkout.config.instances': 4, 'nodes.inventory.config.instances': 3 },
      },
    ],
  },
  'registry-lease': {
    right: [
      {
        name: 'a shorter lease and retries',
        patch: {
          'nodes.registry.config.heartbeatIntervalMs': 5000,
          'nodes.registry.config.leaseMs': 10000,
          'nodes.registry.config.evictionIntervalMs': 5000,
          'edges.gw-orders.config': { retry: { maxRetries: 2, retryOn: ['5xx', 'connect'] } },
        },
      },
    ],
    wrong: [{ name: 'more instances', patch: { 'nodes.orders.config.instances': 6 } }],
  },
  'gateway-auth': {
    right: [
      {
        name: 'route only signed requests',
        patch: {
          'nodes.gw.config.routes': [
            { pathPrefix: '/api/orders', headers: { authorization: 'Bearer app-token' }, target: 'orders' },
          ],
        },
      },
    ],
    wrong: [{ name: 'rate limit', patch: { 'nodes.gw.config.rateLimit': { ratePerSec: 100, burst: 20 } } }],
  },
  'config-push': {
    right: [{ name: 'poll every second', patch: { 'nodes.config.config.pollIntervalMs': 1000 } }],
    wrong: [{ name: 'poll every 10 s', patch: { 'nodes.config.config.pollIntervalMs': 10000 } }],
  },
  'slow-dependency': {
    right: [
      {
        name: 'time-based breaker and a shorter timeout',
        patch: {
          'edges.shop-payment.config': {
            timeoutMs: 600,
            breaker: {
              slidingWindowType: 'time',
              slidingWindowSize: 5,
              minimumNumberOfCalls: 20,
              failureRateThreshold: 50,
              waitDurationInOpenStateMs: 3000,
            },
          },
        },
      },
    ],
    wrong: [
      {
        name: 'breaker on the wrong link',
        patch: {
          'edges.buyers-shop.config': {
            timeoutMs: 1000,
            breaker: {
              slidingWindowSize: 20,
              minimumNumberOfCalls: 10,
              slowCallDurationThresholdMs: 500,
              slowCallRateThreshold: 50,
              waitDurationInOpenStateMs: 5000,
            },
          },
        },
      },
      { name: 'a timeout alone', patch: { 'edges.shop-payment.config': { timeoutMs: 500 } } },
    ],
  },
  'retry-storm': {
    right: [
      {
        name: 'no per-try timeout',
        patch: { 'edges.frontend-api.config.retry': { maxRetries: 2, retryOn: ['5xx', 'connect'] } },
      },
    ],
    wrong: [
      {
        name: 'more backoff only',
        patch: {
          'edges.frontend-api.config.retry': {
            maxRetries: 3,
            perTryTimeoutMs: 200,
            baseBackoffMs: 25,
            maxBackoffMs: 250,
            retryOn: ['5xx', 'timeout', 'connect'],
          },
        },
      },
    ],
  },
  canary: {
    right: [
      {
        name: '88/12 and an earlier rollback by routes',
        patch: {
          'nodes.reviews-proxy.config.routes': [
            {
              name: 'canary',
              match: { pathPrefix: '/reviews' },
              destinations: [
                { target: 'reviews-v1', weight: 88 },
                { target: 'reviews-v2', weight: 12 },
              ],
            },
          ],
          '+scenario.faults': [
            {
              kind: 'configChange',
              atSec: 16,
              nodeId: 'istiod',
              service: 'reviews-proxy',
              key: 'routes',
              value: '[{"name": "canary", "destinations": [{"target": "reviews-v1"}]}]',
            },
          ],
        },
      },
    ],
    wrong: [
      {
        name: '10 % without a rollback',
        patch: {
          'nodes.reviews-proxy.config.routes': [
            {
              name: 'canary',
              match: { pathPrefix: '/reviews' },
              destinations: [
                { target: 'reviews-v1', weight: 90 },
                { target: 'reviews-v2', weight: 10 },
              ],
            },
          ],
        },
      },
      {
        name: 'a rollback on the timeline only',
        patch: {
          '+scenario.faults': [
            {
              kind: 'configChange',
              atSec: 17,
              nodeId: 'istiod',
              service: 'reviews-proxy',
              key: 'weights.canary',
              value: '100,0',
            },
          ],
        },
      },
    ],
  },
  'mesh-authz': {
    right: [
      {
        name: 'STRICT mTLS and a DENY rule',
        patch: {
          'nodes.payment-sidecar.config.mtls': 'STRICT',
          'nodes.payment-sidecar.config.policies': [
            { name: 'no-reports', action: 'DENY', principals: ['reports'] },
          ],
        },
      },
    ],
    wrong: [
      {
        name: 'a DENY rule alone',
        patch: {
          'nodes.payment-sidecar.config.policies': [
            { name: 'no-reports', action: 'DENY', principals: ['reports'] },
          ],
        },
      },
      {
        name: 'ALLOW orders with mTLS off',
        patch: {
          'nodes.payment-sidecar.config.mtls': 'DISABLE',
          'nodes.payment-sidecar.config.policies': [
            { name: 'only-orders', action: 'ALLOW', principals: ['orders'] },
          ],
        },
      },
    ],
  },
  'consumer-lag': {
    right: [
      {
        name: 'three partitions and three consumers',
        patch: {
          'nodes.bus.config.topics': [{ name: 'orders', partitions: 3, maxDeliveries: 5 }],
          'nodes.emails.config.instances': 3,
        },
      },
    ],
    wrong: [{ name: 'more consumers, one partition', patch: { 'nodes.emails.config.instances': 4 } }],
  },
  'poison-messages': {
    right: [
      {
        name: 'two deliveries, fast redelivery',
        patch: {
          'nodes.bus.config.topics': [{ name: 'signups', partitions: 4, maxDeliveries: 2 }],
          'nodes.bus.config.redeliveryDelayMs': 100,
        },
      },
    ],
    wrong: [
      {
        name: 'swallow the failures',
        patch: {
          'edges.crm-sync-crm-api.config': { timeoutMs: 1000, fallback: { kind: 'static', status: 200 } },
        },
      },
      {
        name: 'more partitions',
        patch: { 'nodes.bus.config.topics': [{ name: 'signups', partitions: 12, maxDeliveries: 100 }] },
      },
    ],
  },
  'expected-version': {
    right: [
      {
        name: '-1 on one writer, noStream on the other',
        patch: {
          'nodes.box-office.config.requestMix': [
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-1', 'x-expected-version': '-1' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-2', 'x-expected-version': '-1' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-3', 'x-expected-version': '-1' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-4', 'x-expected-version': '-1' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-5', 'x-expected-version': '-1' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-6', 'x-expected-version': '-1' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-7', 'x-expected-version': '-1' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-8', 'x-expected-version': '-1' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-9', 'x-expected-version': '-1' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-10', 'x-expected-version': '-1' },
            },
          ],
          'nodes.mobile.config.requestMix': [
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-1', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-2', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-3', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-4', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-5', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-6', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-7', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-8', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-9', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-10', 'x-expected-version': 'noStream' },
            },
          ],
        },
      },
    ],
    wrong: [
      {
        name: 'only the box office checks',
        patch: {
          'nodes.box-office.config.requestMix': [
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-1', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-2', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-3', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-4', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-5', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-6', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-7', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-8', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-9', 'x-expected-version': 'noStream' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-10', 'x-expected-version': 'noStream' },
            },
          ],
        },
      },
      {
        name: 'expect the stream to exist',
        patch: {
          'nodes.box-office.config.requestMix': [
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-1', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-2', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-3', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-4', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-5', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-6', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-7', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-8', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-9', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-10', 'x-expected-version': 'streamExists' },
            },
          ],
          'nodes.mobile.config.requestMix': [
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-1', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-2', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-3', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-4', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-5', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-6', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-7', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-8', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-9', 'x-expected-version': 'streamExists' },
            },
            {
              method: 'POST',
              path: '/bookings',
              headers: { 'x-aggregate-id': 'seat-10', 'x-expected-version': 'streamExists' },
            },
          ],
        },
      },
    ],
  },
  'read-model-lag': {
    right: [
      {
        name: 'an exponential 20 ms projection',
        patch: { 'nodes.carts-view.config.projectionLatencyMs': { kind: 'exponential', meanMs: 20 } },
      },
    ],
    wrong: [
      {
        name: 'smaller batches, still slow',
        patch: {
          'nodes.carts-view.config.projectionLatencyMs': { kind: 'lognormal', meanMs: 250, stdDevMs: 150 },
        },
      },
    ],
  },
  'order-saga': {
    right: [
      {
        name: 'a timeout and a breaker',
        patch: {
          'edges.order-payment.config': {
            timeoutMs: 1500,
            breaker: { slidingWindowSize: 20, minimumNumberOfCalls: 10, waitDurationInOpenStateMs: 3000 },
          },
        },
      },
    ],
    wrong: [
      {
        name: 'retries without a deadline',
        patch: { 'edges.order-payment.config': { timeoutMs: 0, retry: { maxRetries: 3 } } },
      },
    ],
  },
  'log-sharding': {
    right: [
      {
        name: 'round robin, a shorter retention',
        patch: {
          'nodes.router.config.strategy': 'roundRobin',
          'nodes.store-1.config.retentionSec': 60,
          'nodes.store-2.config.retentionSec': 60,
          'nodes.store-3.config.retentionSec': 60,
        },
      },
    ],
    wrong: [
      {
        name: 'bigger stores',
        patch: {
          'nodes.store-1.config.capacity': 20000,
          'nodes.store-2.config.capacity': 20000,
          'nodes.store-3.config.capacity': 20000,
        },
      },
      {
        name: 'a short retention',
        patch: {
          'nodes.store-1.config.retentionSec': 10,
          'nodes.store-2.config.retentionSec': 10,
          'nodes.store-3.config.retentionSec': 10,
        },
      },
    ],
  },
};
