import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { breakerWindowRule } from './breakerWindow';

describe('breakerWindowRule', () => {
  const nodes = (rate: number) => [client('c', rate), node('s', 'service')];
  it('flags a time window that sees fewer calls than minimumNumberOfCalls at the offered rate', () => {
    const breaker = { slidingWindowType: 'time', slidingWindowSize: 10, minimumNumberOfCalls: 100 };
    // 5 calls/s x 10 s = 50 calls < 100.
    expect(findingIds(breakerWindowRule, nodes(5), [edge('c', 's', { breaker })])).toEqual([
      'breaker-never-trips:c-s',
    ]);
    expect(findingIds(breakerWindowRule, nodes(20), [edge('c', 's', { breaker })])).toEqual([]);
  });
  it('notes a count window that takes over a minute to reach its minimum', () => {
    const breaker = { slidingWindowSize: 100, minimumNumberOfCalls: 100 };
    expect(findingIds(breakerWindowRule, nodes(1), [edge('c', 's', { breaker })])).toEqual([
      'breaker-slow-to-trip:c-s',
    ]);
    expect(findingIds(breakerWindowRule, nodes(10), [edge('c', 's', { breaker })])).toEqual([]);
  });
});
