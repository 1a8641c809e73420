import { describe, expect, it } from 'vitest';
import { ServiceRegistry } from './registry';

const eureka = { heartbeatIntervalMs: 30_000, leaseMs: 90_000, evictionIntervalMs: 60_000 };

/** Registers instances 0..n-1 of `service` at t = 0. */
function withInstances(n: number, service = 'payments'): ServiceRegistry {
  const r = new ServiceRegistry(eureka);
  for (let i = 0; i < n; i++) r.register(service, i, 0);
  return r;
}

describe('ServiceRegistry (Eureka leases)', () => {
  it('discovers registered instances of a service only', () => {
    const r = withInstances(3);
    r.register('orders', 0, 0);
    expect(r.discover('payments')).toEqual([0, 1, 2]);
    expect(r.discover('orders')).toEqual([0]);
    expect(r.discover('unknown')).toEqual([]);
  });

  it('expires a lease not renewed for longer than 90 s', () => {
    const r = withInstances(1);
    expect(r.isExpired('payments', 0, 90_000)).toBe(false);
    expect(r.isExpired('payments', 0, 90_001)).toBe(true);
  });

  it('renews the lease on every heartbeat', () => {
    const r = withInstances(1);
    for (const t of [30_000, 60_000, 90_000]) expect(r.heartbeat('payments', 0, t)).toBe(true);
    expect(r.isExpired('payments', 0, 150_000)).toBe(false);
    expect(r.isExpired('payments', 0, 180_001)).toBe(true);
  });

  it('keeps serving a killed instance until its expired lease is evicted', () => {
    const r = withInstances(2);
    // Instance 1 dies after t = 0; instance 0 keeps heartbeating every 30 s.
    const evictions: number[] = [];
    for (let t = 30_000; t <= 180_000; t += 30_000) {
      r.heartbeat('payments', 0, t);
      if (t % eureka.evictionIntervalMs === 0) evictions.push(r.evict(t));
      if (t === 90_000) expect(r.discover('payments')).toEqual([0, 1]);
    }
    expect(evictions).toEqual([0, 1, 0]);
    expect(r.discover('payments')).toEqual([0]);
  });

  it('still lists an expired instance that the eviction task has not yet removed', () => {
    const r = withInstances(1);
    expect(r.isExpired('payments', 0, 100_000)).toBe(true);
    expect(r.discover('payments')).toEqual([0]);
    expect(r.evict(100_000)).toBe(1);
    expect(r.discover('payments')).toEqual([]);
  });

  it('re-registers an evicted instance on its next heartbeat (Eureka 404 then register)', () => {
    const r = withInstances(1);
    r.evict(120_000);
    expect(r.heartbeat('payments', 0, 130_000)).toBe(false);
    expect(r.discover('payments')).toEqual([0]);
    expect(r.isExpired('payments', 0, 200_000)).toBe(false);
  });

  it('removes a cancelled instance at once', () => {
    const r = withInstances(2);
    r.cancel('payments', 1, 5_000);
    expect(r.discover('payments')).toEqual([0]);
  });

  it('records membership over time with the member count after each change', () => {
    const r = withInstances(2);
    r.evict(100_000);
    r.heartbeat('payments', 1, 110_000);
    expect(r.history()).toEqual([
      { atMs: 0, service: 'payments', instance: 0, change: 'registered', members: 1 },
      { atMs: 0, service: 'payments', instance: 1, change: 'registered', members: 2 },
      { atMs: 100_000, service: 'payments', instance: 0, change: 'evicted', members: 1 },
      { atMs: 100_000, service: 'payments', instance: 1, change: 'evicted', members: 0 },
      { atMs: 110_000, service: 'payments', instance: 1, change: 'reregistered', members: 1 },
    ]);
  });

  it('bumps the service version on membership changes only, not on renewals', () => {
    const r = withInstances(1);
    const leases = r.service('payments');
    const v = leases.version;
    r.heartbeat('payments', 0, 30_000);
    r.register('payments', 0, 40_000);
    expect(leases.version).toBe(v);
    r.evict(200_000);
    expect(leases.version).toBe(v + 1);
    expect(leases.isRegistered(0)).toBe(false);
  });
});
