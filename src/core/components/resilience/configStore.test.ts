import { describe, expect, it } from 'vitest';
import { ConfigClient, ConfigStore, deliveryAtMs } from './configStore';

const poll = (pollIntervalMs: number, pollPhaseMs = 0) => ({
  mode: 'poll' as const,
  pollIntervalMs,
  pollPhaseMs,
});
const push = (pushDelayMs: number) => ({ mode: 'push' as const, pushDelayMs });

describe('ConfigStore and ConfigClient', () => {
  it('bumps the service version on every set and keeps the ordered history', () => {
    const s = new ConfigStore({ orders: { timeoutMs: 1000 } });
    expect(s.version('orders')).toBe(0);
    expect(s.set('orders', 'timeoutMs', 500, 10_000)).toBe(1);
    expect(s.set('orders', 'retries', 2, 20_000)).toBe(2);
    expect(s.set('payments', 'flag', true, 20_000)).toBe(1);
    expect(s.get('orders', 'timeoutMs')).toBe(500);
    expect(s.changes('orders').map((c) => `${c.version}:${c.key}=${c.value}@${c.atMs}`)).toEqual([
      '1:timeoutMs=500@10000',
      '2:retries=2@20000',
    ]);
    expect(s.history()).toHaveLength(3);
  });

  it('delivers a pushed change after the propagation delay', () => {
    expect(deliveryAtMs(push(1000), 12_345)).toBe(13_345);
  });

  it('delivers a polled change at the next poll tick at or after it', () => {
    expect(deliveryAtMs(poll(30_000), 10_000)).toBe(30_000);
    expect(deliveryAtMs(poll(30_000), 30_000)).toBe(30_000);
    expect(deliveryAtMs(poll(30_000, 7_000), 40_000)).toBe(67_000);
    expect(deliveryAtMs(poll(30_000, 7_000), 0)).toBe(7_000);
  });

  it('keeps the old value on a client until the change is applied, then the new one', () => {
    const s = new ConfigStore({ orders: { timeoutMs: 1000 } });
    const c = new ConfigClient(s, 'orders', poll(30_000));
    const v = s.set('orders', 'timeoutMs', 250, 10_000);
    expect(c.getNumber('timeoutMs', 0)).toBe(1000);
    expect(c.deliveryAtMs(10_000)).toBe(30_000);
    expect(c.applyUpTo(v)).toBe(1);
    expect(c.getNumber('timeoutMs', 0)).toBe(250);
    expect(c.appliedVersion).toBe(1);
  });

  it('applies changes only up to the delivered version, so a later change waits for its own delivery', () => {
    const s = new ConfigStore();
    const c = new ConfigClient(s, 'orders', push(1000));
    const v1 = s.set('orders', 'flag', true, 0);
    s.set('orders', 'flag', false, 500);
    c.applyUpTo(v1);
    expect(c.getBoolean('flag', false)).toBe(true);
    c.applyUpTo(v1 - 1);
    expect(c.appliedVersion).toBe(v1);
  });

  it('starts a new client from the latest server state (bootstrap fetch)', () => {
    const s = new ConfigStore({ orders: { a: 1 } });
    s.set('orders', 'a', 2, 100);
    expect(new ConfigClient(s, 'orders', poll(1000)).getNumber('a', 0)).toBe(2);
  });

  it('converts typed values and falls back on missing or malformed ones', () => {
    const s = new ConfigStore({ svc: { n: '42', bad: 'x', empty: ' ', t: 'TRUE', b: false, num: 3 } });
    const c = new ConfigClient(s, 'svc', poll(1000));
    expect(c.getNumber('n', 0)).toBe(42);
    expect(c.getNumber('bad', 7)).toBe(7);
    expect(c.getNumber('empty', 7)).toBe(7);
    expect(c.getNumber('missing', 9)).toBe(9);
    expect(c.getBoolean('t', false)).toBe(true);
    expect(c.getBoolean('b', true)).toBe(false);
    expect(c.getBoolean('num', true)).toBe(true);
    expect(c.getString('num', '')).toBe('3');
    expect(c.getString('missing', 'd')).toBe('d');
  });
});
