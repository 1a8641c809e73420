import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { singlePointOfFailureRule } from './singlePointOfFailure';

describe('singlePointOfFailureRule', () => {
  it('flags a single-instance service on a request path', () => {
    expect(
      findingIds(
        singlePointOfFailureRule,
        [client('c', 10), node('s', 'service', { instances: 1 })],
        [edge('c', 's')],
      ),
    ).toEqual(['single-point-of-failure:s']);
  });
  it('does not flag a replicated service nor a single-instance service nobody calls', () => {
    expect(
      findingIds(singlePointOfFailureRule, [client('c', 10), node('s', 'service')], [edge('c', 's')]),
    ).toEqual([]);
    expect(findingIds(singlePointOfFailureRule, [node('s', 'service', { instances: 1 })])).toEqual([]);
  });
  it('flags a log router that writes to a single log store', () => {
    const nodes = [node('r', 'logRouter'), node('l1', 'logStore'), node('l2', 'logStore')];
    expect(findingIds(singlePointOfFailureRule, nodes, [edge('r', 'l1', {}, 'log')])).toEqual([
      'single-point-of-failure:l1',
    ]);
    expect(
      findingIds(singlePointOfFailureRule, nodes, [edge('r', 'l1', {}, 'log'), edge('r', 'l2', {}, 'log')]),
    ).toEqual([]);
  });
});
