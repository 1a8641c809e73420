import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../engine/rng';
import { LoadBalancer } from './loadBalancer';
import { TargetHosts, type UpstreamView } from './targetHosts';

/** Instances with health-check routability, counting how often a balancer reads it. */
class Upstream implements UpstreamView {
  reads = 0;
  routingVersion: number | undefined = 0;
  readonly routable = [true, true, true];
  readonly count = 3;

  isRoutable(instance: number): boolean {
    this.reads++;
    return this.routable[instance] === true;
  }

  load(): number {
    return 0;
  }

  /** A health check changes an instance's routability, and the view says so. */
  setRoutable(instance: number, routable: boolean): void {
    this.routable[instance] = routable;
    if (this.routingVersion !== undefined) this.routingVersion++;
  }
}

function picks(balancer: LoadBalancer, hosts: TargetHosts, upstream: Upstream, n: number): number[] {
  return Array.from({ length: n }, () => balancer.pick(hosts.bind(upstream)));
}

describe('TargetHosts over a versioned upstream', () => {
  it('reads routability once per version, not once per pick', () => {
    const upstream = new Upstream();
    const hosts = new TargetHosts();
    const balancer = new LoadBalancer({ policy: 'roundRobin' }, new Sfc32(1));
    expect(picks(balancer, hosts, upstream, 6)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(upstream.reads).toBe(3);
  });

  it('sees a routability change as soon as the version moves', () => {
    const upstream = new Upstream();
    const hosts = new TargetHosts();
    const balancer = new LoadBalancer({ policy: 'roundRobin', panicThresholdPercent: 0 }, new Sfc32(1));
    picks(balancer, hosts, upstream, 2);
    upstream.setRoutable(1, false);
    expect(picks(balancer, hosts, upstream, 4)).not.toContain(1);
    upstream.setRoutable(1, true);
    expect(picks(balancer, hosts, upstream, 3).sort()).toEqual([0, 1, 2]);
  });

  it('picks what an unversioned upstream gets, which is re-read before every pick', () => {
    const versioned = new Upstream();
    const unversioned = new Upstream();
    unversioned.routingVersion = undefined;
    const run = (upstream: Upstream) => {
      const hosts = new TargetHosts();
      const balancer = new LoadBalancer({ policy: 'random', panicThresholdPercent: 0 }, new Sfc32(9));
      const out = picks(balancer, hosts, upstream, 20);
      upstream.setRoutable(0, false);
      out.push(...picks(balancer, hosts, upstream, 20));
      upstream.setRoutable(0, true);
      return out.concat(picks(balancer, hosts, upstream, 20));
    };
    expect(run(versioned)).toEqual(run(unversioned));
    expect(unversioned.reads).toBeGreaterThan(60 * 3);
  });
});
