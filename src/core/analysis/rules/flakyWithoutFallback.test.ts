import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { flakyWithoutFallbackRule } from './flakyWithoutFallback';

describe('flakyWithoutFallbackRule', () => {
  it('flags a call to a service with errorRate > 0 that has no fallback', () => {
    expect(
      findingIds(
        flakyWithoutFallbackRule,
        [client('c', 1), node('s', 'service', { errorRate: 0.05 })],
        [edge('c', 's')],
      ),
    ).toEqual(['no-fallback:c-s']);
  });
  it('accepts a static fallback or a reliable callee', () => {
    const flaky = node('s', 'service', { errorRate: 0.05 });
    expect(
      findingIds(
        flakyWithoutFallbackRule,
        [client('c', 1), flaky],
        [edge('c', 's', { fallback: { kind: 'static' } })],
      ),
    ).toEqual([]);
    expect(
      findingIds(flakyWithoutFallbackRule, [client('c', 1), node('s', 'service')], [edge('c', 's')]),
    ).toEqual([]);
  });
});
