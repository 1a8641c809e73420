import { describe, expect, it } from 'vitest';
import { cloneFragment, extractFragment } from './clipboard';
import { createDefaultDocument } from './defaultDocument';

describe('clipboard', () => {
  const doc = createDefaultDocument();

  it('extracts only edges whose both ends are selected', () => {
    const fragment = extractFragment(doc.nodes, doc.edges, new Set(['order', 'payment']));
    expect(fragment.nodes.map((n) => n.id).sort()).toEqual(['order', 'payment']);
    expect(fragment.edges.map((e) => e.id)).toEqual(['order-payment']);
  });

  it('points references inside the copy at the copied nodes, and outside ones at the originals', () => {
    const fragment = extractFragment(doc.nodes, doc.edges, new Set(['order', 'payment']));
    const taken = new Set(doc.nodes.map((n) => n.id));
    const copy = cloneFragment(fragment, taken, { x: 10, y: 20 });
    const order = copy.nodes.find((n) => n.kind === 'service' && n.config.domain === 'order')!;
    const payment = copy.nodes.find((n) => n.kind === 'service' && n.config.domain === 'payment')!;
    expect(JSON.stringify(order.config)).toContain(`"target":"${payment.id}"`);
    expect(copy.edges[0]).toMatchObject({ source: order.id, target: payment.id });
    expect(order.position).toEqual({ x: doc.nodes.find((n) => n.id === 'order')!.position.x + 10, y: 116 });
  });

  it('gives every copy an id not used before', () => {
    const fragment = extractFragment(doc.nodes, doc.edges, new Set(doc.nodes.map((n) => n.id)));
    const taken = new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
    const copy = cloneFragment(fragment, taken, { x: 0, y: 0 });
    for (const item of [...copy.nodes, ...copy.edges]) expect(taken.has(item.id)).toBe(false);
    expect(new Set(copy.nodes.map((n) => n.id)).size).toBe(copy.nodes.length);
  });
});
