import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../kinds/nodeKinds';
import { type ArchDocument, DOCUMENT_VERSION, documentSchema } from '../model/schema';
import { linkNodes } from '../model/wiring';
import { createRun } from './createRun';

/** A design as a person builds it: palette defaults, a label each, then links drawn in order. */
function drawn(
  nodes: [id: string, kind: NodeKind, label: string][],
  links: [string, string][],
): ArchDocument {
  let doc = documentSchema.parse({
    format: 'archplay',
    version: DOCUMENT_VERSION,
    nodes: nodes.map(([id, kind, label]) => ({ id, kind, label, position: { x: 0, y: 0 }, config: {} })),
    edges: [],
    scenario: { durationSec: 30 },
  });
  for (const [source, target] of links) {
    const result = linkNodes(doc, source, target);
    if (!result.ok) throw new Error(result.reason);
    doc = result.document;
  }
  return doc;
}

function runToEnd(doc: ArchDocument) {
  const run = createRun(doc);
  run.advance(Number.POSITIVE_INFINITY);
  return run.summary();
}

describe('a design wired with defaults works', () => {
  it('client -> API gateway -> two services: at least 99 % of requests succeed', () => {
    const doc = drawn(
      [
        ['web', 'client', 'Client'],
        ['gw', 'gateway', 'API gateway'],
        ['s1', 'service', 'Service'],
        ['s2', 'service', 'Service 2'],
      ],
      [
        ['web', 'gw'],
        ['gw', 's1'],
        ['gw', 's2'],
      ],
    );
    const { requests, nodes } = runToEnd(doc);
    expect(requests.total).toBeGreaterThan(200);
    expect(requests.ok / requests.total).toBeGreaterThanOrEqual(0.99);
    expect(nodes.s1!.completed).toBeGreaterThan(0);
    expect(nodes.s2!.completed).toBeGreaterThan(0);
  });

  it('service calls, a sidecar, an event bus, an event store, a read model and logs all carry traffic', () => {
    const doc = drawn(
      [
        ['web', 'client', 'Shoppers'],
        ['orders', 'service', 'Order service'],
        ['pay-proxy', 'proxy', 'Payment sidecar'],
        ['pay', 'service', 'Payment service'],
        ['bus', 'eventBus', 'Bus'],
        ['mail', 'service', 'Notification service'],
        ['store', 'eventStore', 'Store'],
        ['view', 'readModel', 'Order view'],
        ['logs', 'logRouter', 'Log router'],
        ['shard', 'logStore', 'Log shard'],
      ],
      [
        ['web', 'orders'],
        ['pay-proxy', 'pay'],
        ['orders', 'pay-proxy'],
        ['orders', 'bus'],
        ['bus', 'mail'],
        ['orders', 'store'],
        ['store', 'view'],
        ['orders', 'view'],
        ['orders', 'logs'],
        ['logs', 'shard'],
      ],
    );
    const { requests, nodes } = runToEnd(doc);
    expect(requests.ok / requests.total).toBeGreaterThanOrEqual(0.99);
    for (const id of ['pay', 'mail', 'store', 'view', 'shard']) {
      expect(nodes[id]!.completed, id).toBeGreaterThan(0);
    }
  });
});
