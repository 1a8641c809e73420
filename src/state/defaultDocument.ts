import { type ArchDocument, DOCUMENT_VERSION, documentSchema } from '../core/model/schema';

/**
 * The diagram the editor falls back to when neither an autosave nor the e-commerce example can be
 * loaded: a checkout path small enough to read at a glance, with a registry the services use.
 */
export function createDefaultDocument(): ArchDocument {
  return documentSchema.parse({
    format: 'archplay',
    version: DOCUMENT_VERSION,
    name: 'Checkout',
    description: 'A client calls an API gateway that routes orders to a service which charges payment.',
    nodes: [
      {
        id: 'client',
        kind: 'client',
        label: 'Shoppers',
        position: { x: 0, y: 96 },
        config: {
          workload: { kind: 'open', ratePerSec: 50 },
          requestMix: [{ method: 'POST', path: '/orders' }],
        },
      },
      {
        id: 'gateway',
        kind: 'gateway',
        label: 'API gateway',
        position: { x: 336, y: 96 },
        config: { routes: [{ pathPrefix: '/orders', target: 'order' }] },
      },
      {
        id: 'order',
        kind: 'service',
        label: 'Order service',
        position: { x: 672, y: 96 },
        config: {
          domain: 'order',
          endpoints: [
            {
              method: 'POST',
              path: '/orders',
              steps: [{ kind: 'work' }, { kind: 'call', target: 'payment', method: 'POST', path: '/pay' }],
            },
          ],
        },
      },
      {
        id: 'payment',
        kind: 'service',
        label: 'Payment service',
        position: { x: 1040, y: 96 },
        config: { domain: 'payment', endpoints: [{ method: 'POST', path: '/pay' }] },
      },
      {
        id: 'registry',
        kind: 'registry',
        label: 'Service registry',
        position: { x: 864, y: 320 },
        config: {},
      },
    ],
    edges: [
      { id: 'client-gateway', source: 'client', target: 'gateway', kind: 'sync' },
      { id: 'gateway-order', source: 'gateway', target: 'order', kind: 'sync' },
      {
        id: 'order-payment',
        source: 'order',
        target: 'payment',
        kind: 'sync',
        config: { timeoutMs: 2000, retry: { maxRetries: 2 }, breaker: {} },
      },
      { id: 'order-registry', source: 'order', target: 'registry', kind: 'registry' },
      { id: 'payment-registry', source: 'payment', target: 'registry', kind: 'registry' },
    ],
  });
}

/** What "New diagram" opens: no components, no links, and every scenario setting at its default. */
export function createBlankDocument(): ArchDocument {
  return documentSchema.parse({
    format: 'archplay',
    version: DOCUMENT_VERSION,
    name: 'Untitled system',
    nodes: [],
    edges: [],
  });
}
