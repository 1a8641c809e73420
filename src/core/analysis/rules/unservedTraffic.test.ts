import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { unservedTrafficRule } from './unservedTraffic';

describe('unservedTrafficRule', () => {
  it('flags a step whose target has no edge (the runtime fails it with 502)', () => {
    const s = node('s', 'service', {
      endpoints: [{ path: '/', steps: [{ kind: 'call', target: 't', path: '/' }] }],
    });
    expect(
      findingIds(unservedTrafficRule, [client('c', 1), s, node('t', 'service')], [edge('c', 's')]),
    ).toEqual(['unserved-noEdge:s/GET / -> t']);
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
