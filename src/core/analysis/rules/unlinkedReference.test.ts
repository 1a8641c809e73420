import { describe, expect, it } from 'vitest';
import { contextOf, edge, findingIds, node } from '../analysis.testkit';
import { unlinkedReferenceRule } from './unlinkedReference';

const caller = node('s', 'service', {
  endpoints: [{ path: '/', steps: [{ kind: 'work' }, { kind: 'call', target: 't', path: '/' }] }],
});

describe('unlinkedReferenceRule', () => {
  it('flags a step naming a node with no link, whether or not traffic reaches it', () => {
    expect(findingIds(unlinkedReferenceRule, [caller, node('t', 'service')])).toEqual([
      'unlinked-reference:s/endpoints/0/steps/1',
    ]);
    expect(findingIds(unlinkedReferenceRule, [caller, node('t', 'service')], [edge('s', 't')])).toEqual([]);
  });
  it('flags a gateway route and a mesh destination to a node with no link', () => {
    const gw = node('gw', 'gateway', { routes: [{ pathPrefix: '/x', target: 't' }] });
    const proxy = node('p', 'proxy', { routes: [{ destinations: [{ target: 't' }] }] });
    expect(findingIds(unlinkedReferenceRule, [gw, proxy, node('t', 'service')])).toEqual([
      'unlinked-reference:gw/routes/0',
      'unlinked-reference:p/routes/0/destinations/0',
    ]);
  });
  it('will fail, and offers to draw the link or to remove the reference', () => {
    const [f] = unlinkedReferenceRule(contextOf([caller, node('t', 'service')]));
    expect(f).toMatchObject({ severity: 'critical', problem: true, nodeIds: ['s', 't'] });
    expect(f?.title).toBe('s sends to t without a link');
    expect(f?.fixes.map((x) => x.label)).toEqual(['Link s to t', 'Remove the call step']);
    expect(f?.fixes[0]?.change).toEqual({ kind: 'link', source: 's', target: 't', wire: false });
  });
});
