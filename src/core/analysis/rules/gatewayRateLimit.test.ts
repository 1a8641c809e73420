import { describe, expect, it } from 'vitest';
import { client, edge, findingIds, node } from '../analysis.testkit';
import { gatewayRateLimitRule } from './gatewayRateLimit';

const gw = (rateLimit: unknown) =>
  node('gw', 'gateway', { rateLimit, routes: [{ pathPrefix: '/', target: 's' }] });

describe('gatewayRateLimitRule', () => {
  it('flags a gateway without rate limiting on a public client path', () => {
    expect(
      findingIds(
        gatewayRateLimitRule,
        [client('c', 10), gw(null), node('s', 'service')],
        [edge('c', 'gw'), edge('gw', 's')],
      ),
    ).toEqual(['gateway-without-rate-limit:gw']);
  });
  it('notes a rate limit below the peak rate and accepts one above it', () => {
    const edges = [edge('c', 'gw'), edge('gw', 's')];
    expect(
      findingIds(
        gatewayRateLimitRule,
        [client('c', 300), gw({ ratePerSec: 200, burst: 50 }), node('s', 'service')],
        edges,
      ),
    ).toEqual(['rate-limit-below-peak:gw']);
    expect(
      findingIds(
        gatewayRateLimitRule,
        [client('c', 100), gw({ ratePerSec: 200, burst: 50 }), node('s', 'service')],
        edges,
      ),
    ).toEqual([]);
  });
});
