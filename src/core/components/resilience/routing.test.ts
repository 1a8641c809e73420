import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../engine/rng';
import { GatewayRouter, MeshRouter, normalizeHeaders } from './routing';

const tolerance = (draws: number, p: number): number => 4 * Math.sqrt(draws * p * (1 - p));

describe('MeshRouter (Istio VirtualService semantics)', () => {
  it('takes the first matching route even when a later one also matches', () => {
    const r = new MeshRouter([
      {
        name: 'beta',
        match: { headers: { 'x-beta': { kind: 'exact', value: 'yes' } } },
        destinations: [{ target: 'v2', weight: 100 }],
      },
      { name: 'all', destinations: [{ target: 'v1', weight: 100 }] },
      {
        name: 'shadowed',
        match: { headers: { 'x-beta': { kind: 'present' } } },
        destinations: [{ target: 'v3', weight: 100 }],
      },
    ]);
    const rng = new Sfc32(1);
    expect(r.route('/', { 'x-beta': 'yes' }, rng)).toBe('v2');
    expect(r.route('/', { 'x-beta': 'no' }, rng)).toBe('v1');
    expect(r.route('/', {}, rng)).toBe('v1');
    expect(Array.from(r.hits)).toEqual([1, 2, 0]);
  });

  it('ANDs the conditions of one match: path prefix and every header must hold', () => {
    const r = new MeshRouter([
      {
        match: {
          pathPrefix: '/api',
          headers: {
            'x-user': { kind: 'prefix', value: 'test-' },
            'x-region': { kind: 'regex', value: 'eu|us' },
          },
        },
        destinations: [{ target: 'v2', weight: 1 }],
      },
    ]);
    expect(r.match('/api/orders', { 'x-user': 'test-1', 'x-region': 'eu' })).toBe(0);
    expect(r.match('/web', { 'x-user': 'test-1', 'x-region': 'eu' })).toBe(-1);
    expect(r.match('/api', { 'x-user': 'prod-1', 'x-region': 'eu' })).toBe(-1);
    expect(r.match('/api', { 'x-user': 'test-1' })).toBe(-1);
    // Regex must match the whole value (RE2 full match), not a substring.
    expect(r.match('/api', { 'x-user': 'test-1', 'x-region': 'eus' })).toBe(-1);
  });

  it('matches header names case-insensitively once request headers are normalized', () => {
    const r = new MeshRouter([
      {
        match: { headers: { 'X-Canary': { kind: 'present' } } },
        destinations: [{ target: 'v2', weight: 1 }],
      },
    ]);
    expect(r.match('/', normalizeHeaders({ 'x-CANARY': '1' }))).toBe(0);
  });

  it('splits 90/10 between v1 and v2 within binomial tolerance', () => {
    const r = new MeshRouter([
      {
        destinations: [
          { target: 'v1', weight: 90 },
          { target: 'v2', weight: 10 },
        ],
      },
    ]);
    const rng = new Sfc32(2024);
    const draws = 50_000;
    let v2 = 0;
    for (let i = 0; i < draws; i++) if (r.route('/', {}, rng) === 'v2') v2++;
    expect(Math.abs(v2 - draws * 0.1)).toBeLessThan(tolerance(draws, 0.1));
  });

  it('never chooses a 0-weight destination', () => {
    const r = new MeshRouter([
      {
        destinations: [
          { target: 'v1', weight: 100 },
          { target: 'v2', weight: 0 },
          { target: 'v3', weight: 0 },
        ],
      },
    ]);
    const rng = new Sfc32(3);
    for (let i = 0; i < 5000; i++) expect(r.route('/', {}, rng)).toBe('v1');
  });

  it('keeps a zero-weight last destination out even when a draw lands on the very top of the range', () => {
    const r = new MeshRouter([
      {
        destinations: [
          { target: 'v1', weight: 90 },
          { target: 'v2', weight: 0 },
        ],
      },
    ]);
    expect(r.route('/', {}, { next: () => 1 })).toBe('v1');
  });

  it('sends all traffic to a lone destination, and none when every weight of a split is 0', () => {
    const rng = new Sfc32(4);
    expect(new MeshRouter([{ destinations: [{ target: 'only', weight: 0 }] }]).route('/', {}, rng)).toBe(
      'only',
    );
    const none = new MeshRouter([
      {
        destinations: [
          { target: 'a', weight: 0 },
          { target: 'b', weight: 0 },
        ],
      },
    ]);
    expect(none.route('/', {}, rng)).toBeNull();
  });

  it('reports an invalid regex with the route and header it belongs to', () => {
    expect(
      () =>
        new MeshRouter([
          {
            match: { headers: { 'x-a': { kind: 'regex', value: '(' } } },
            destinations: [{ target: 'a', weight: 1 }],
          },
        ]),
    ).toThrow(/routes\[0\]\.match\.headers\.x-a: "\(" is not a valid RE2 regular expression/);
  });
});

describe('GatewayRouter (first match in order)', () => {
  const g = new GatewayRouter([
    { pathPrefix: '/api/orders', headers: { 'x-version': '2' }, target: 'orders-v2', timeoutMs: 1000 },
    { pathPrefix: '/api', target: 'api', timeoutMs: 1000 },
    { pathPrefix: '/api/orders', target: 'orders', rewritePath: '/orders', timeoutMs: 1000 },
  ]);

  it('takes the first route in document order, not the longest prefix', () => {
    expect(g.match('/api/orders/1', {})).toBe(1);
  });

  it('requires every route header to match exactly', () => {
    expect(g.match('/api/orders/1', { 'x-version': '2' })).toBe(0);
    expect(g.match('/api/orders/1', { 'x-version': '3' })).toBe(1);
  });

  it('answers no route (404) when nothing matches, and rewrites the upstream path', () => {
    expect(g.match('/web', {})).toBe(-1);
    expect(g.upstreamPath(2, '/api/orders/1')).toBe('/orders');
    expect(g.upstreamPath(1, '/api/x')).toBe('/api/x');
  });
});
