import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../engine/rng';
import {
  breakerSchema,
  configServerConfigSchema,
  edgeConfigSchema,
  gatewayConfigSchema,
  proxyConfigSchema,
  registryConfigSchema,
} from '../../model/schema';
import { RetryPolicy } from '../../sim/retry';
import { Authorizer } from './authorization';
import { CircuitBreaker } from './circuitBreaker';
import { ConfigClient, ConfigStore } from './configStore';
import { ArrayHostView } from './hostView';
import { LoadBalancer } from './loadBalancer';
import { OutlierDetector } from './outlierDetection';
import { ServiceRegistry } from './registry';
import { GatewayRouter, MeshRouter } from './routing';
import { TokenBucket } from './tokenBucket';

describe('resilience modules accept the document schema as parsed', () => {
  it('builds a breaker from schema defaults that needs 100 calls before judging (Resilience4j defaults)', () => {
    const b = new CircuitBreaker(breakerSchema.parse({}));
    for (let i = 0; i < 99; i++) b.onResult(i, 1, false);
    expect(b.state).toBe('CLOSED');
    b.onResult(99, 1, false);
    expect(b.state).toBe('OPEN');
  });

  it('builds the edge policies (retry, load balancer) from schema defaults', () => {
    const edge = edgeConfigSchema.parse({});
    const retry = new RetryPolicy(edge.retry);
    expect(retry.isRetryable(503, 'none')).toBe(true);
    expect(retry.nextRetryDelayMs(0, 503, 'none', 0, 15_000, new Sfc32(1))).toBe(-1);
    const lb = new LoadBalancer(edge.loadBalancer, new Sfc32(1));
    expect(lb.pick(new ArrayHostView(2))).toBe(0);
  });

  it('builds proxy routing, authorization and outlier detection from a parsed proxy config', () => {
    const proxy = proxyConfigSchema.parse({
      routes: [
        {
          match: { headers: { 'x-canary': { kind: 'exact', value: '1' } } },
          destinations: [{ target: 'v2' }],
        },
        {
          destinations: [
            { target: 'v1', weight: 90 },
            { target: 'v2', weight: 10 },
          ],
        },
      ],
      policies: [{ action: 'DENY', paths: ['/admin/*'] }],
    });
    expect(new MeshRouter(proxy.routes).route('/', { 'x-canary': '1' }, new Sfc32(1))).toBe('v2');
    expect(new Authorizer(proxy.policies).check(null, '/admin/x', 'GET')).toBe('deniedByPolicy');
    const outliers = new OutlierDetector(4, proxy.outlierDetection);
    for (let i = 0; i < 5; i++) outliers.onResult(0, i, true);
    expect(outliers.ejectedUntilMs(0)).toBe(30_004);
  });

  it('builds gateway routing and rate limiting, registry and config server from parsed configs', () => {
    const gw = gatewayConfigSchema.parse({
      routes: [{ pathPrefix: '/api', target: 'orders' }],
      rateLimit: { ratePerSec: 1, burst: 1 },
    });
    expect(new GatewayRouter(gw.routes).match('/api/x', {})).toBe(0);
    const bucket = new TokenBucket(gw.rateLimit!.ratePerSec, gw.rateLimit!.burst);
    expect([bucket.tryTake(0), bucket.tryTake(0)]).toEqual([true, false]);
    const registry = new ServiceRegistry(registryConfigSchema.parse({}));
    registry.register('orders', 0, 0);
    expect(registry.isExpired('orders', 0, 90_001)).toBe(true);
    const cs = configServerConfigSchema.parse({ keys: { orders: { timeoutMs: 500 } } });
    const client = new ConfigClient(new ConfigStore(cs.keys), 'orders', {
      mode: 'poll',
      pollIntervalMs: cs.pollIntervalMs,
      pollPhaseMs: 0,
    });
    expect(client.getNumber('timeoutMs', 0)).toBe(500);
  });
});
