import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../testkit';
import { timeoutBudgetRule } from './timeoutBudget';

describe('timeoutBudgetRule', () => {
  const nodes = [
    client('c', 10),
    node('a', 'service', { endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'b', path: '/' }] }] }),
    node('b', 'service'),
  ];
  it('flags a caller timeout <= the callee own downstream timeout', () => {
    expect(
      findingIds(timeoutBudgetRule, nodes, [
        edge('c', 'a', { timeoutMs: 1000 }),
        edge('a', 'b', { timeoutMs: 1000 }),
      ]),
    ).toEqual(['timeout-budget-inversion:c-a>a-b']);
  });
  it('accepts deadlines that shrink downstream', () => {
    expect(
      findingIds(timeoutBudgetRule, nodes, [
        edge('c', 'a', { timeoutMs: 1000 }),
        edge('a', 'b', { timeoutMs: 400 }),
      ]),
    ).toEqual([]);
  });
});
