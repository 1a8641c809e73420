import { describe, expect, it } from 'vitest';
import { client, contextOf, edge, findingIds, node } from '../analysis.testkit';
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
  it('judges a caller by its per-try timeout when shorter: it abandons each attempt after that long', () => {
    const perTry = { timeoutMs: 5000, retry: { maxRetries: 2, perTryTimeoutMs: 800 } };
    expect(
      findingIds(timeoutBudgetRule, nodes, [edge('c', 'a', perTry), edge('a', 'b', { timeoutMs: 1000 })]),
    ).toEqual(['timeout-budget-inversion:c-a>a-b']);
    // The same deadline without a per-try timeout leaves the callee's 1000 ms budget inside it.
    expect(
      findingIds(timeoutBudgetRule, nodes, [
        edge('c', 'a', { timeoutMs: 5000 }),
        edge('a', 'b', { timeoutMs: 1000 }),
      ]),
    ).toEqual([]);
  });
  it('says when the caller retries its abandoned attempts on top of the work still running', () => {
    const edges = (retryOn: string[]) => [
      edge('c', 'a', { timeoutMs: 0, retry: { maxRetries: 2, perTryTimeoutMs: 800, retryOn } }),
      edge('a', 'b', { timeoutMs: 1000 }),
    ];
    const [retrying] = timeoutBudgetRule(contextOf(nodes, edges(['timeout'])));
    expect(retrying?.detail).toContain('waits 800 ms per attempt');
    expect(retrying?.detail).toContain('adding up to 2 more requests');
    const [notRetrying] = timeoutBudgetRule(contextOf(nodes, edges(['5xx'])));
    expect(notRetrying?.detail).toContain('waits 800 ms per attempt');
    expect(notRetrying?.detail).not.toContain('more requests');
  });
  it('keeps judging by the deadline when the per-try timeout is longer', () => {
    const edges = [
      edge('c', 'a', { timeoutMs: 1000, retry: { maxRetries: 2, perTryTimeoutMs: 3000 } }),
      edge('a', 'b', { timeoutMs: 1000 }),
    ];
    const findings = timeoutBudgetRule(contextOf(nodes, edges));
    expect(findings.map((f) => f.id)).toEqual(['timeout-budget-inversion:c-a>a-b']);
    expect(findings[0]!.detail).toContain('waits 1000 ms for');
    expect(findings[0]!.detail).not.toContain('more requests');
  });
});
