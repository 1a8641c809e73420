import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { syncTimeoutRule } from './syncTimeout';

const constant = (ms: number) => ({ kind: 'constant', ms });

describe('syncTimeoutRule', () => {
  const nodes = [client('c', 10), node('s', 'service', { serviceTimeMs: constant(50) })];
  it('flags a sync call without a timeout (0)', () => {
    expect(findingIds(syncTimeoutRule, nodes, [edge('c', 's', { timeoutMs: 0 })])).toEqual([
      'sync-timeout-missing:c-s',
    ]);
  });
  it('flags a timeout shorter than the callee typical latency', () => {
    // The callee answers in 1 + 50 + 1 = 52 ms on average.
    expect(findingIds(syncTimeoutRule, nodes, [edge('c', 's', { timeoutMs: 40 })])).toEqual([
      'sync-timeout-too-short:c-s',
    ]);
    expect(findingIds(syncTimeoutRule, nodes, [edge('c', 's', { timeoutMs: 500 })])).toEqual([]);
  });
  it('applies a tighter gateway route timeout', () => {
    const gw = node('gw', 'gateway', { routes: [{ pathPrefix: '/', target: 's', timeoutMs: 30 }] });
    expect(
      findingIds(syncTimeoutRule, [client('c', 10), gw, nodes[1]!], [edge('c', 'gw'), edge('gw', 's')]),
    ).toEqual(['sync-timeout-too-short:gw-s']);
  });
});
