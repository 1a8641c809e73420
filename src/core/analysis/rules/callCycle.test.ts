import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { callCycleRule } from './callCycle';

const caller = (id: string, target: string) =>
  node(id, 'service', { endpoints: [{ path: '/', steps: [{ kind: 'call', target, path: '/' }] }] });

describe('callCycleRule', () => {
  it('flags a synchronous call cycle', () => {
    expect(
      findingIds(
        callCycleRule,
        [client('c', 1), caller('a', 'b'), caller('b', 'a')],
        [edge('c', 'a'), edge('a', 'b'), edge('b', 'a')],
      ),
    ).toEqual(['call-cycle:a>b>a']);
  });
  it('accepts an acyclic chain', () => {
    expect(
      findingIds(
        callCycleRule,
        [client('c', 1), caller('a', 'b'), node('b', 'service')],
        [edge('c', 'a'), edge('a', 'b')],
      ),
    ).toEqual([]);
  });
});
