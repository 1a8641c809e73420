import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../engine/rng';
import { ArrayHostView, ExcludingHostView, type HostView } from './hostView';
import { type LbSettings, LoadBalancer } from './loadBalancer';
import { OutlierDetector } from './outlierDetection';

function counts(
  lb: LoadBalancer,
  hosts: ArrayHostView,
  draws: number,
  key?: (i: number) => string,
): number[] {
  const seen = new Array<number>(hosts.count + 1).fill(0);
  for (let i = 0; i < draws; i++) {
    const host = lb.pick(hosts, key?.(i));
    seen[host === -1 ? hosts.count : host]!++;
  }
  return seen;
}

/** Four binomial standard deviations: a correct balancer stays inside with probability ~0.99994. */
const tolerance = (draws: number, p: number): number => 4 * Math.sqrt(draws * p * (1 - p));

const make = (settings: LbSettings, seed = 7) => new LoadBalancer(settings, new Sfc32(seed));

describe('LoadBalancer (Envoy semantics)', () => {
  it('splits weighted traffic 25/75 within binomial tolerance', () => {
    const draws = 40_000;
    const seen = counts(make({ policy: 'weighted', weights: [25, 75] }), new ArrayHostView(2), draws);
    expect(Math.abs(seen[0]! - draws * 0.25)).toBeLessThan(tolerance(draws, 0.25));
    expect(seen[0]! + seen[1]!).toBe(draws);
  });

  it('never sends traffic to a weight-0 host, even in panic mode', () => {
    const hosts = new ArrayHostView(3);
    const lb = make({ policy: 'weighted', weights: [0, 1, 3] });
    expect(counts(lb, hosts, 5000)[0]).toBe(0);
    hosts.setRoutable(1, false);
    hosts.setRoutable(2, false);
    expect(lb.pick(hosts)).not.toBe(-1);
    expect(lb.panicking).toBe(true);
    expect(counts(lb, hosts, 5000)[0]).toBe(0);
  });

  it('finds no host when every candidate weighs 0', () => {
    expect(make({ policy: 'weighted', weights: [0, 0] }).pick(new ArrayHostView(2))).toBe(-1);
  });

  it('cycles round robin over healthy hosts in order', () => {
    const hosts = new ArrayHostView(4);
    const lb = make({ policy: 'roundRobin' });
    expect([0, 1, 2, 3, 4, 5].map(() => lb.pick(hosts))).toEqual([0, 1, 2, 3, 0, 1]);
    hosts.setRoutable(1, false);
    const picks = Array.from({ length: 6 }, () => lb.pick(hosts));
    expect(picks).not.toContain(1);
    expect(new Set(picks)).toEqual(new Set([0, 2, 3]));
  });

  it('picks uniformly among healthy hosts only for random', () => {
    const hosts = new ArrayHostView(4);
    hosts.setRoutable(3, false);
    const draws = 30_000;
    const seen = counts(make({ policy: 'random' }), hosts, draws);
    expect(seen[3]).toBe(0);
    for (const h of [0, 1, 2]) expect(Math.abs(seen[h]! - draws / 3)).toBeLessThan(tolerance(draws, 1 / 3));
  });

  it('least request (power of two choices) sends 3/4 of traffic to the idle host of two', () => {
    const hosts = new ArrayHostView(2);
    hosts.loads[0] = 5;
    const draws = 20_000;
    const seen = counts(make({ policy: 'leastRequest' }), hosts, draws);
    expect(Math.abs(seen[1]! - draws * 0.75)).toBeLessThan(tolerance(draws, 0.75));
  });

  it('least request gives the busiest of four hosts only 1/16 of traffic (both draws must hit it)', () => {
    const hosts = new ArrayHostView(4);
    hosts.loads.splice(0, 4, 1, 2, 3, 9);
    const draws = 40_000;
    const seen = counts(make({ policy: 'leastRequest' }), hosts, draws);
    expect(Math.abs(seen[3]! - draws / 16)).toBeLessThan(tolerance(draws, 1 / 16));
    expect(seen[0]!).toBeGreaterThan(seen[1]!);
  });

  it('maps the same hash key to the same host every time', () => {
    const hosts = new ArrayHostView(5);
    const lb = make({ policy: 'consistentHash' });
    for (const key of ['alice', 'bob', 'carol', 'user-42']) {
      const first = lb.pick(hosts, key);
      for (let i = 0; i < 20; i++) expect(lb.pick(hosts, key)).toBe(first);
    }
  });

  it('moves only the keys of a host that leaves the ring, and spreads keys over all hosts', () => {
    const hosts = new ArrayHostView(5);
    const lb = make({ policy: 'consistentHash' });
    const keys = Array.from({ length: 2000 }, (_, i) => `user-${i}`);
    const before = keys.map((k) => lb.pick(hosts, k));
    for (let h = 0; h < 5; h++) {
      const share = before.filter((x) => x === h).length / keys.length;
      expect(share).toBeGreaterThan(0.1);
      expect(share).toBeLessThan(0.3);
    }
    hosts.setRoutable(2, false);
    const after = keys.map((k) => lb.pick(hosts, k));
    keys.forEach((_, i) => {
      if (before[i] !== 2) expect(after[i]).toBe(before[i]);
      else expect(after[i]).not.toBe(2);
    });
  });

  it('falls back to a random healthy host when a consistent-hash request has no key', () => {
    const hosts = new ArrayHostView(3);
    hosts.setRoutable(0, false);
    const seen = counts(make({ policy: 'consistentHash', panicThresholdPercent: 0 }), hosts, 3000);
    expect(seen[0]).toBe(0);
    expect(seen[1]! > 0 && seen[2]! > 0).toBe(true);
  });

  it('balances over all hosts when the healthy share falls below the panic threshold', () => {
    const hosts = new ArrayHostView(4);
    const lb = make({ policy: 'roundRobin' });
    hosts.setRoutable(0, false);
    hosts.setRoutable(1, false);
    // 50 % healthy is not below 50 %: healthy hosts only.
    expect(new Set(Array.from({ length: 8 }, () => lb.pick(hosts)))).toEqual(new Set([2, 3]));
    expect(lb.panicking).toBe(false);
    hosts.setRoutable(2, false);
    expect(new Set(Array.from({ length: 8 }, () => lb.pick(hosts)))).toEqual(new Set([0, 1, 2, 3]));
    expect(lb.panicking).toBe(true);
    expect(lb.panicPicks).toBe(8);
  });

  it('finds no host when none is healthy and panic mode is disabled', () => {
    const hosts = new ArrayHostView(2);
    hosts.setRoutable(0, false);
    hosts.setRoutable(1, false);
    expect(make({ policy: 'random', panicThresholdPercent: 0 }).pick(hosts)).toBe(-1);
    expect(make({ policy: 'random' }).pick(hosts)).not.toBe(-1);
  });

  it('applies new weights after setWeights', () => {
    const hosts = new ArrayHostView(2);
    const lb = make({ policy: 'weighted', weights: [1, 0] });
    expect(counts(lb, hosts, 100)[1]).toBe(0);
    lb.setWeights([0, 1]);
    expect(counts(lb, hosts, 100)[0]).toBe(0);
  });

  it('replays the same picks for the same seed', () => {
    const run = () => counts(make({ policy: 'leastRequest' }, 99), new ArrayHostView(5), 1000).join(',');
    expect(run()).toBe(run());
  });

  it('notices routability changes of a view without a version', () => {
    const routable = [true, true, true];
    const view: HostView = { count: 3, isRoutable: (h) => routable[h]!, load: () => 0 };
    const lb = make({ policy: 'consistentHash' });
    const keys = Array.from({ length: 300 }, (_, i) => `k${i}`);
    const before = keys.map((k) => lb.pick(view, k));
    expect(before).toContain(1);
    routable[1] = false;
    const after = keys.map((k) => lb.pick(view, k));
    expect(after).not.toContain(1);
    routable[1] = true;
    expect(keys.map((k) => lb.pick(view, k))).toEqual(before);
  });

  it('skips hosts ejected by outlier detection through an excluding view, and takes them back on release', () => {
    const base = new ArrayHostView(4);
    const outliers = new OutlierDetector(4, {
      consecutive5xx: 5,
      baseEjectionTimeMs: 30_000,
      maxEjectionTimeMs: 300_000,
      maxEjectionPercent: 10,
    });
    const view = new ExcludingHostView(outliers);
    const lb = make({ policy: 'roundRobin' });
    for (let i = 0; i < 5; i++) outliers.onResult(2, 1000, true);
    const during = Array.from({ length: 6 }, () => lb.pick(view.at(base, 2000)));
    expect(during).not.toContain(2);
    const after = Array.from({ length: 8 }, () => lb.pick(view.at(base, 31_000)));
    expect(after).toContain(2);
  });

  it('keeps a zero-weight last host out even when a draw lands on the very top of the range', () => {
    const top = { next: () => 1 };
    expect(new LoadBalancer({ policy: 'weighted', weights: [1, 2, 0] }, top).pick(new ArrayHostView(3))).toBe(
      1,
    );
  });
});
