import { describe, expect, it } from 'vitest';
import { client, contextOf, edge, findingIds, node } from '../analysis.testkit';
import { unservedTrafficRule } from './unservedTraffic';

describe('unservedTrafficRule', () => {
  it('leaves a step whose target has no link to the unlinked-reference rule', () => {
    const s = node('s', 'service', {
      endpoints: [{ path: '/', steps: [{ kind: 'call', target: 't', path: '/' }] }],
    });
    expect(
      findingIds(unservedTrafficRule, [client('c', 1), s, node('t', 'service')], [edge('c', 's')]),
    ).toEqual([]);
  });
  it('flags requests that match no gateway route as a problem, and offers to route to a linked service', () => {
    const ctx = contextOf(
      [client('c', 1, 'GET', '/orders'), node('gw', 'gateway'), node('s', 'service')],
      [edge('c', 'gw'), edge('gw', 's')],
    );
    const [f] = unservedTrafficRule(ctx);
    expect(f).toMatchObject({ id: 'unserved-noRoute:gw/GET /orders', severity: 'critical', problem: true });
    expect(f?.fixes).toEqual([{ label: 'Route to s', change: { kind: 'wire', edgeId: 'gw-s' } }]);
  });
  it('flags requests no endpoint serves', () => {
    expect(
      findingIds(
        unservedTrafficRule,
        [client('c', 1, 'GET', '/missing'), node('s', 'service', { endpoints: [{ path: '/x' }] })],
        [edge('c', 's')],
      ),
    ).toEqual(['unserved-noEndpoint:s/GET /missing']);
  });
  it('notes requests a sidecar authorization policy refuses (DENY before ALLOW)', () => {
    const proxy = node('p', 'proxy', {
      attachedTo: 's',
      policies: [
        { action: 'ALLOW', paths: ['*'] },
        { action: 'DENY', paths: ['/admin*'] },
      ],
    });
    const nodes = [client('c', 1, 'GET', '/admin/stats'), proxy, node('s', 'service')];
    expect(findingIds(unservedTrafficRule, nodes, [edge('c', 'p'), edge('p', 's')])).toEqual([
      'unserved-denied:p/GET /admin/stats',
    ]);
  });
});
