import { describe, expect, it } from 'vitest';
import { contextOf, edge, findingIds, node } from '../analysis.testkit';
import { unusedLinkRule } from './unusedLink';

describe('unusedLinkRule', () => {
  it('flags a gateway link no route uses, and offers to route to it', () => {
    const ctx = contextOf([node('gw', 'gateway'), node('s', 'service')], [edge('gw', 's')]);
    const [f] = unusedLinkRule(ctx);
    expect(f).toMatchObject({
      id: 'unused-link:gw-s',
      severity: 'warning',
      problem: true,
      edgeIds: ['gw-s'],
    });
    expect(f?.fixes).toEqual([{ label: 'Route to s', change: { kind: 'wire', edgeId: 'gw-s' } }]);
  });
  it('flags a service link no step uses, and a bus link to a service that subscribes to nothing on it', () => {
    const nodes = [node('a', 'service'), node('b', 'service'), node('bus', 'eventBus')];
    const edges = [edge('a', 'b'), edge('bus', 'b', {}, 'async')];
    expect(findingIds(unusedLinkRule, nodes, edges)).toEqual(['unused-link:a-b', 'unused-link:bus-b']);
  });
  it('accepts membership links and the links an order service uses through its saga', () => {
    const nodes = [
      node('o', 'service', { domain: 'order' }),
      node('pay', 'service', { domain: 'payment' }),
      node('store', 'eventStore'),
      node('r', 'registry'),
    ];
    const edges = [edge('o', 'pay'), edge('o', 'store', {}, 'eventStore'), edge('o', 'r', {}, 'registry')];
    expect(findingIds(unusedLinkRule, nodes, edges)).toEqual([]);
  });
  it('flags what the saga does not use: an order service link to a service of no saga domain, a payment service link', () => {
    const nodes = [
      node('o', 'service', { domain: 'order' }),
      node('fraud', 'service'),
      node('pay', 'service', { domain: 'payment' }),
      node('bank', 'service'),
    ];
    expect(findingIds(unusedLinkRule, nodes, [edge('o', 'fraud'), edge('pay', 'bank')])).toEqual([
      'unused-link:o-fraud',
      'unused-link:pay-bank',
    ]);
  });
  it("accepts a service's link to the log router its access log ships to", () => {
    const s = node('s', 'service', { accessLog: { target: 'r' } });
    expect(findingIds(unusedLinkRule, [s, node('r', 'logRouter')], [edge('s', 'r', {}, 'log')])).toEqual([]);
  });
  it('accepts a link a step uses', () => {
    const a = node('a', 'service', { endpoints: [{ path: '/', steps: [{ kind: 'query', target: 'rm' }] }] });
    expect(findingIds(unusedLinkRule, [a, node('rm', 'readModel')], [edge('a', 'rm', {}, 'query')])).toEqual(
      [],
    );
  });
});
