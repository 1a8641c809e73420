import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, makeDoc, node } from '../analysis.testkit';
import { buildContext } from '../context';
import { retryStormRule } from './retryStorm';

const caller = (id: string, target: string) =>
  node(id, 'service', { endpoints: [{ path: '/', steps: [{ kind: 'call', target, path: '/' }] }] });
const nodes = [client('c', 10), caller('a', 'b'), caller('b', 'd'), caller('d', 'e'), node('e', 'service')];
const retry2 = { retry: { maxRetries: 2 } };

describe('retryStormRule', () => {
  it('multiplies (1 + maxRetries) along a chain: 3 hops with 2 retries each is 27x', () => {
    const doc = makeDoc(nodes, [
      edge('c', 'a'),
      edge('a', 'b', retry2),
      edge('b', 'd', retry2),
      edge('d', 'e', retry2),
    ]);
    const findings = retryStormRule(buildContext(doc));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['retry-storm:a-b>b-d>d-e', 'critical']]);
    expect(findings[0]!.title).toContain('27x');
  });
  it('does not count hops guarded by a circuit breaker', () => {
    const guarded = { ...retry2, breaker: {} };
    expect(
      findingIds(retryStormRule, nodes, [
        edge('c', 'a'),
        edge('a', 'b', guarded),
        edge('b', 'd', guarded),
        edge('d', 'e', retry2),
      ]),
    ).toEqual(['retry-without-breaker:d-e']);
  });
});
