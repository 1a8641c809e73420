import { describe, expect, it } from 'vitest';
import { kindDocuments } from '../kinds/documents';
import { type NodeKind, nodeKinds } from '../kinds/nodeKinds';
import { connectionRule } from './connections';
import {
  type ArchDocument,
  type ArchNode,
  DOCUMENT_VERSION,
  documentSchema,
  type NodeOfKind,
} from './schema';
import { serializeDocument, validateDocument } from './validate';
import { linkNodes, wireDefaults } from './wiring';
import { describeLink } from './wiringNotes';

/** Labels a person would give, so the names the wiring derives can be read in the expectations. */
const labels: Record<NodeKind, string> = {
  client: 'Shoppers',
  gateway: 'API gateway',
  service: 'Order service',
  proxy: 'Order sidecar',
  controlPlane: 'Istiod',
  registry: 'Registry',
  configServer: 'Config',
  eventBus: 'Bus',
  eventProcessor: 'Order stream',
  eventStore: 'Store',
  readModel: 'Order view',
  logRouter: 'Log router',
  logStore: 'Log shard',
  logProcessor: 'Log parser',
};

function fresh(nodes: { id: string; kind: NodeKind; label?: string; config?: object }[]): ArchDocument {
  return documentSchema.parse({
    format: 'archplay',
    version: DOCUMENT_VERSION,
    nodes: nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label ?? labels[n.kind],
      position: { x: 0, y: 0 },
      config: n.config ?? {},
    })),
    edges: [],
  });
}

function link(doc: ArchDocument, source: string, target: string): ArchDocument {
  const result = linkNodes(doc, source, target);
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

function nodeOf<K extends NodeKind>(doc: ArchDocument, id: string, kind: K): NodeOfKind<K> {
  const n = doc.nodes.find((x): x is ArchNode => x.id === id);
  if (n?.kind !== kind) throw new Error(`no ${kind} "${id}"`);
  return n as NodeOfKind<K>;
}

/** Every pair the kinds' connection rules allow, as `source->target`. */
const allowedPairs = nodeKinds.flatMap((s) =>
  nodeKinds.filter((t) => connectionRule(s, t).ok).map((t) => [s, t] as const),
);

/** What each allowed pair adds when both ends have the palette's defaults (source `a`, target `b`). */
const expected: Record<string, (doc: ArchDocument) => void> = {
  'client->gateway': (d) => expect(nodeOf(d, 'a', 'client').config.requestMix).toHaveLength(1),
  'client->service': (d) =>
    expect(nodeOf(d, 'a', 'client').config.requestMix).toMatchObject([{ method: 'GET', path: '/' }]),
  'client->proxy': (d) => expect(nodeOf(d, 'a', 'client').config.requestMix).toHaveLength(1),
  'gateway->service': (d) =>
    expect(nodeOf(d, 'a', 'gateway').config.routes).toMatchObject([{ pathPrefix: '/orders', target: 'b' }]),
  'gateway->proxy': (d) =>
    expect(nodeOf(d, 'a', 'gateway').config.routes).toMatchObject([
      { pathPrefix: '/order-sidecars', target: 'b' },
    ]),
  'service->service': (d) =>
    expect(nodeOf(d, 'a', 'service').config.endpoints[0]!.steps).toEqual([
      { kind: 'work' },
      { kind: 'call', target: 'b', method: 'GET', path: '/' },
    ]),
  'service->proxy': (d) =>
    expect(nodeOf(d, 'a', 'service').config.endpoints[0]!.steps[1]).toEqual({
      kind: 'call',
      target: 'b',
      method: 'GET',
      path: '/',
    }),
  'service->eventBus': (d) => {
    expect(nodeOf(d, 'a', 'service').config.endpoints[0]!.steps[1]).toEqual({
      kind: 'publish',
      target: 'b',
      topic: 'order-events',
    });
    expect(nodeOf(d, 'b', 'eventBus').config.topics).toEqual([
      { name: 'order-events', partitions: 3, maxDeliveries: 5 },
    ]);
  },
  'service->eventStore': (d) =>
    expect(nodeOf(d, 'a', 'service').config.endpoints[0]!.steps[1]).toEqual({
      kind: 'append',
      target: 'b',
      eventType: 'OrderRecorded',
    }),
  'service->readModel': (d) =>
    expect(nodeOf(d, 'a', 'service').config.endpoints[0]!.steps[1]).toEqual({ kind: 'query', target: 'b' }),
  'service->logRouter': (d) =>
    expect(nodeOf(d, 'a', 'service').config.endpoints[0]!.steps[1]).toEqual({
      kind: 'log',
      target: 'b',
      level: 'info',
      message: 'GET /',
    }),
  'service->registry': unchanged,
  'service->configServer': unchanged,
  'gateway->registry': unchanged,
  'gateway->configServer': unchanged,
  'gateway->logRouter': unchanged,
  'proxy->service': (d) => expect(nodeOf(d, 'a', 'proxy').config.attachedTo).toBe('b'),
  'proxy->registry': unchanged,
  'proxy->logRouter': unchanged,
  'controlPlane->proxy': unchanged,
  'eventBus->service': (d) => {
    expect(nodeOf(d, 'b', 'service').config.subscriptions).toEqual([
      { bus: 'a', topic: 'events', group: 'order', steps: [{ kind: 'work' }] },
    ]);
    expect(nodeOf(d, 'a', 'eventBus').config.topics.map((t) => t.name)).toEqual(['events']);
  },
  'eventStore->readModel': (d) => expect(nodeOf(d, 'b', 'readModel').config.source).toBe('a'),
  'eventBus->eventProcessor': (d) => {
    expect(nodeOf(d, 'b', 'eventProcessor').config.source).toEqual({
      bus: 'a',
      topic: 'events',
      group: 'order-stream',
    });
    expect(nodeOf(d, 'a', 'eventBus').config.topics.map((t) => t.name)).toEqual(['events']);
  },
  'eventProcessor->eventBus': (d) => {
    expect(nodeOf(d, 'a', 'eventProcessor').config.output).toEqual({
      bus: 'b',
      topic: 'order-stream-results',
    });
    expect(nodeOf(d, 'b', 'eventBus').config.topics.map((t) => t.name)).toEqual(['order-stream-results']);
  },
  'eventStore->eventBus': unchanged,
  'logRouter->logStore': unchanged,
  'logRouter->logProcessor': unchanged,
  'logProcessor->logStore': unchanged,
};

/** Membership links: the edge is all the run reads, so the nodes stay as they were. */
function unchanged(doc: ArchDocument): void {
  expect(doc.nodes).toEqual(fresh(doc.nodes).nodes);
}

describe('wireDefaults', () => {
  it('has an expectation for exactly the pairs the connection rules allow (a new pair fails here)', () => {
    expect(Object.keys(expected).sort()).toEqual(allowedPairs.map(([s, t]) => `${s}->${t}`).sort());
  });

  for (const [s, t] of allowedPairs) {
    it(`${s} -> ${t}: the new link adds its defaults and the document stays valid`, () => {
      const doc = link(
        fresh([
          { id: 'a', kind: s },
          { id: 'b', kind: t },
        ]),
        'a',
        'b',
      );
      expect(doc.edges).toMatchObject([
        { source: 'a', target: 'b', kind: kindDocuments[s].links[t as never] },
      ]);
      expected[`${s}->${t}`]!(doc);
      const again = validateDocument(JSON.parse(serializeDocument(doc)));
      expect(again.ok ? [] : again.errors).toEqual([]);
    });
  }

  it('wiring a link twice adds nothing the second time', () => {
    const pairs = allowedPairs.filter(([s, t]) => s !== t);
    for (const [s, t] of pairs) {
      const doc = link(
        fresh([
          { id: 'a', kind: s },
          { id: 'b', kind: t },
        ]),
        'a',
        'b',
      );
      expect(wireDefaults(doc, doc.edges[0]!), `${s} -> ${t}`).toEqual(doc);
    }
  });

  it('a client sends to every route of its gateway, whichever link was drawn first', () => {
    const nodes = fresh([
      { id: 'web', kind: 'client' },
      { id: 'gw', kind: 'gateway' },
      { id: 'orders', kind: 'service', label: 'Order service' },
      { id: 'pay', kind: 'service', label: 'Payment service' },
    ]);
    const clientFirst = link(link(link(nodes, 'web', 'gw'), 'gw', 'orders'), 'gw', 'pay');
    const routesFirst = link(link(link(nodes, 'gw', 'orders'), 'gw', 'pay'), 'web', 'gw');
    const mix = (d: ArchDocument) => nodeOf(d, 'web', 'client').config.requestMix.map((r) => r.path);
    expect(mix(clientFirst)).toEqual(['/orders', '/payments']);
    expect(mix(routesFirst)).toEqual(['/orders', '/payments']);
  });

  it('a route follows the endpoint the service already serves, and the client uses its method', () => {
    const doc = link(
      link(
        fresh([
          { id: 'web', kind: 'client' },
          { id: 'gw', kind: 'gateway' },
          {
            id: 'checkout',
            kind: 'service',
            label: 'Checkout',
            config: { endpoints: [{ method: 'POST', path: '/orders' }] },
          },
        ]),
        'web',
        'gw',
      ),
      'gw',
      'checkout',
    );
    expect(nodeOf(doc, 'gw', 'gateway').config.routes[0]!.pathPrefix).toBe('/orders');
    expect(nodeOf(doc, 'web', 'client').config.requestMix).toMatchObject([
      { method: 'POST', path: '/orders' },
    ]);
  });

  it('a request mix someone wrote is kept, and only requests reaching no route are added', () => {
    const doc = link(
      link(
        fresh([
          { id: 'web', kind: 'client', config: { requestMix: [{ weight: 3, path: '/orders/42' }] } },
          { id: 'gw', kind: 'gateway', config: { routes: [{ pathPrefix: '/orders', target: 'o' }] } },
          { id: 'o', kind: 'service' },
          { id: 'u', kind: 'service', label: 'User service' },
        ]),
        'gw',
        'u',
      ),
      'web',
      'gw',
    );
    expect(nodeOf(doc, 'web', 'client').config.requestMix).toMatchObject([
      { weight: 3, path: '/orders/42' },
      { weight: 1, path: '/users' },
    ]);
  });

  it('two routes named alike get distinct prefixes', () => {
    const nodes = fresh([
      { id: 'gw', kind: 'gateway' },
      { id: 's1', kind: 'service', label: 'Service' },
      { id: 's2', kind: 'service', label: 'Services' },
    ]);
    const doc = link(link(nodes, 'gw', 's1'), 'gw', 's2');
    expect(nodeOf(doc, 'gw', 'gateway').config.routes.map((r) => r.pathPrefix)).toEqual([
      '/services',
      '/services-2',
    ]);
  });

  it('a publisher takes a declared topic nobody publishes yet, and a subscriber the published one', () => {
    const nodes = fresh([
      { id: 'orders', kind: 'service' },
      { id: 'bus', kind: 'eventBus', config: { topics: [{ name: 'order_created' }] } },
      { id: 'mail', kind: 'service', label: 'Notification service' },
    ]);
    const doc = link(link(nodes, 'orders', 'bus'), 'bus', 'mail');
    expect(nodeOf(doc, 'orders', 'service').config.endpoints[0]!.steps[1]).toMatchObject({
      topic: 'order_created',
    });
    expect(nodeOf(doc, 'mail', 'service').config.subscriptions).toMatchObject([
      { bus: 'bus', topic: 'order_created', group: 'notification' },
    ]);
    expect(nodeOf(doc, 'bus', 'eventBus').config.topics).toHaveLength(1);
  });

  it('a step goes into a new GET / endpoint when the service has none', () => {
    const doc = link(
      fresh([
        { id: 'a', kind: 'service', config: { endpoints: [] } },
        { id: 'b', kind: 'readModel' },
      ]),
      'a',
      'b',
    );
    expect(nodeOf(doc, 'a', 'service').config.endpoints).toEqual([
      { method: 'GET', path: '/', steps: [{ kind: 'work' }, { kind: 'query', target: 'b' }] },
    ]);
  });

  it('an order service adds no step where its order saga uses the link itself', () => {
    const nodes = fresh([
      { id: 'orders', kind: 'service', config: { domain: 'order' } },
      { id: 'pay', kind: 'service', config: { domain: 'payment' } },
      { id: 'fraud', kind: 'service' },
      { id: 'store', kind: 'eventStore' },
      { id: 'bus', kind: 'eventBus' },
    ]);
    const doc = link(
      link(link(link(nodes, 'orders', 'pay'), 'orders', 'store'), 'orders', 'bus'),
      'orders',
      'fraud',
    );
    expect(nodeOf(doc, 'orders', 'service').config.endpoints[0]!.steps).toEqual([
      { kind: 'work' },
      { kind: 'call', target: 'fraud', method: 'GET', path: '/' },
    ]);
    expect(nodeOf(doc, 'bus', 'eventBus').config.topics).toEqual([]);
  });

  it('keeps what is set: a sidecar attached elsewhere and a read model with a source stay', () => {
    const nodes = fresh([
      { id: 'p', kind: 'proxy', config: { attachedTo: 's1' } },
      { id: 's1', kind: 'service' },
      { id: 's2', kind: 'service' },
    ]);
    expect(nodeOf(link(nodes, 'p', 's2'), 'p', 'proxy').config.attachedTo).toBe('s1');
  });
});

describe('linkNodes', () => {
  it('refuses what the connection rules refuse, and a second link between the same nodes', () => {
    const doc = fresh([
      { id: 'a', kind: 'logStore' },
      { id: 'b', kind: 'client' },
      { id: 'c', kind: 'service' },
    ]);
    expect(linkNodes(doc, 'a', 'b')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('log store'),
    });
    const once = link(doc, 'b', 'c');
    expect(linkNodes(once, 'b', 'c')).toEqual({
      ok: false,
      reason: 'Shoppers already links to Order service.',
    });
  });

  it('without wiring adds the bare edge only', () => {
    const doc = fresh([
      { id: 'gw', kind: 'gateway' },
      { id: 's', kind: 'service' },
    ]);
    const result = linkNodes(doc, 'gw', 's', false);
    expect(result.ok && result.document.nodes).toEqual(doc.nodes);
  });
});

describe('describeLink', () => {
  it('names the default a new link added, where a person edits it', () => {
    const nodes = fresh([
      { id: 'web', kind: 'client' },
      { id: 'gw', kind: 'gateway' },
      { id: 'o', kind: 'service' },
      { id: 'bus', kind: 'eventBus' },
      { id: 'r', kind: 'registry' },
    ]);
    let doc = link(link(link(link(nodes, 'gw', 'o'), 'web', 'gw'), 'o', 'bus'), 'o', 'r');
    const says = (id: string) => describeLink(doc, doc.edges.find((e) => e.id === id)!).text;
    expect(says('gw-o')).toBe('API gateway routes /orders to Order service');
    expect(says('web-gw')).toBe('Shoppers sends GET /orders to API gateway');
    expect(says('o-bus')).toBe('Order service publishes "order-events" to Bus in GET /');
    expect(says('o-r')).toBe('Linked as registry heartbeat / discovery');
    doc = link(doc, 'bus', 'o');
    expect(says('bus-o')).toBe('Order service consumes "order-events" from Bus as group order');
    const holder = (id: string) => describeLink(doc, doc.edges.find((e) => e.id === id)!).holder;
    expect([holder('gw-o'), holder('bus-o'), holder('o-r')]).toEqual(['gw', 'o', null]);
  });
  it('says what the order saga does over a link it uses without a step, held by the order service', () => {
    const nodes = fresh([
      { id: 'o', kind: 'service', config: { domain: 'order' } },
      { id: 'pay', kind: 'service', label: 'Payments', config: { domain: 'payment' } },
      { id: 'store', kind: 'eventStore' },
      { id: 'bus', kind: 'eventBus' },
    ]);
    const doc = link(link(link(nodes, 'o', 'pay'), 'o', 'store'), 'o', 'bus');
    const note = (id: string) => describeLink(doc, doc.edges.find((e) => e.id === id)!);
    expect(note('o-pay')).toEqual({
      text: 'The order saga of Order service calls Payments for each order',
      holder: 'o',
    });
    expect(note('o-store').text).toBe("The order saga of Order service appends each order's events to Store");
    expect(note('o-bus').text).toBe('The order saga of Order service publishes "order_created" to Bus');
  });
});
