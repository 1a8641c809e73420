import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { longSyncChainRule } from './longSyncChain';

const caller = (id: string, target: string) =>
  node(id, 'service', { endpoints: [{ path: '/', steps: [{ kind: 'call', target, path: '/' }] }] });

describe('longSyncChainRule', () => {
  it('flags a synchronous chain of 4 hops', () => {
    const nodes = [
      client('c', 1),
      caller('a', 'b'),
      caller('b', 'd'),
      caller('d', 'e'),
      node('e', 'service'),
    ];
    const edges = [edge('c', 'a'), edge('a', 'b'), edge('b', 'd'), edge('d', 'e')];
    expect(findingIds(longSyncChainRule, nodes, edges)).toEqual(['long-sync-chain:c-a>a-b>b-d>d-e']);
  });
  it('accepts a 3-hop chain', () => {
    const nodes = [client('c', 1), caller('a', 'b'), caller('b', 'd'), node('d', 'service')];
    expect(findingIds(longSyncChainRule, nodes, [edge('c', 'a'), edge('a', 'b'), edge('b', 'd')])).toEqual(
      [],
    );
  });
  it('reports a fan-out at the end of a long chain once', () => {
    const fan = node('d', 'service', {
      endpoints: [
        {
          path: '/',
          steps: [
            { kind: 'call', target: 'e', path: '/' },
            { kind: 'call', target: 'f', path: '/' },
          ],
        },
      ],
    });
    const nodes = [
      client('c', 1),
      caller('a', 'b'),
      caller('b', 'd'),
      fan,
      node('e', 'service'),
      node('f', 'service'),
    ];
    const edges = [edge('c', 'a'), edge('a', 'b'), edge('b', 'd'), edge('d', 'e'), edge('d', 'f')];
    expect(findingIds(longSyncChainRule, nodes, edges)).toEqual(['long-sync-chain:c-a>a-b>b-d>d-e']);
  });
});
