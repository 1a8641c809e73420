import { describe, expect, it } from 'vitest';
import { edge, findingIds, node } from '../analysis.testkit';
import { retryNonIdempotentRule } from './retryNonIdempotent';

const caller = (method: string) =>
  node('a', 'service', {
    endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'b', method, path: '/pay' }] }],
  });

describe('retryNonIdempotentRule', () => {
  it('flags a retried POST', () => {
    expect(
      findingIds(
        retryNonIdempotentRule,
        [caller('POST'), node('b', 'service', { endpoints: [{ method: 'POST', path: '/pay' }] })],
        [edge('a', 'b', { retry: { maxRetries: 1 } })],
      ),
    ).toEqual(['retry-non-idempotent:a-b/POST /pay']);
  });
  it('accepts a retried GET and a POST retried on connect failures only', () => {
    const b = node('b', 'service', {
      endpoints: [
        { method: 'GET', path: '/pay' },
        { method: 'POST', path: '/pay' },
      ],
    });
    expect(
      findingIds(retryNonIdempotentRule, [caller('GET'), b], [edge('a', 'b', { retry: { maxRetries: 1 } })]),
    ).toEqual([]);
    expect(
      findingIds(
        retryNonIdempotentRule,
        [caller('POST'), b],
        [edge('a', 'b', { retry: { maxRetries: 1, retryOn: ['connect'] } })],
      ),
    ).toEqual([]);
  });
});
