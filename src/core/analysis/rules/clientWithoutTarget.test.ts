import { describe, expect, it } from 'vitest';
import { client, contextOf, edge, findingIds, node } from '../analysis.testkit';
import { clientWithoutTargetRule } from './clientWithoutTarget';

describe('clientWithoutTargetRule', () => {
  it('flags a client with no link to what serves requests, as a failure', () => {
    const [f] = clientWithoutTargetRule(
      contextOf([client('c', 5), node('s', 'service'), node('t', 'service')]),
    );
    expect(f).toMatchObject({
      id: 'client-without-target:c',
      severity: 'critical',
      problem: true,
      fixes: [],
    });
  });
  it('offers to link the client to the only gateway, wired', () => {
    const [f] = clientWithoutTargetRule(
      contextOf([client('c', 5), node('gw', 'gateway'), node('s', 'service')]),
    );
    expect(f?.fixes).toEqual([
      { label: 'Link c to gw', change: { kind: 'link', source: 'c', target: 'gw', wire: true } },
    ]);
  });
  it('accepts a client with a link', () => {
    expect(
      findingIds(clientWithoutTargetRule, [client('c', 5), node('s', 'service')], [edge('c', 's')]),
    ).toEqual([]);
  });
});
