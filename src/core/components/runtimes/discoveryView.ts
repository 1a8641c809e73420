import type { InstanceView } from '../../sim/types';
import type { ServiceLeases } from '../resilience/registry';
import type { DiscoveredInstances } from '../resilience/targetHosts';

/**
 * A node's instances as its callers see them. Without a registry this is the runtime's own view
 * (routable = passing health checks). Once a registry adopts the node, an instance is routable
 * exactly while it is registered: a crashed instance stays routable until its lease expires and the
 * eviction task removes it, and a restarted one returns when it registers again.
 */
export class DiscoveryView implements InstanceView, DiscoveredInstances {
  private leases: ServiceLeases | null = null;

  constructor(private readonly base: InstanceView) {}

  /** Makes registry membership the routability of these instances. */
  attach(leases: ServiceLeases): void {
    this.leases = leases;
  }

  /** Whether a registry discovers this node. */
  get attached(): boolean {
    return this.leases !== null;
  }

  get count(): number {
    return this.base.count;
  }

  isUp(instance: number): boolean {
    return this.base.isUp(instance);
  }

  isRoutable(instance: number): boolean {
    return this.leases !== null ? this.leases.isRegistered(instance) : this.base.isRoutable(instance);
  }

  /** Registry membership has its own version (`membershipVersion`); before that, the runtime's. */
  get routingVersion(): number | undefined {
    return this.leases !== null ? undefined : this.base.routingVersion;
  }

  load(instance: number): number {
    return this.base.load(instance);
  }

  registeredInstances(): readonly number[] | null {
    return this.leases !== null ? this.leases.instances() : null;
  }

  get membershipVersion(): number {
    return this.leases?.version ?? 0;
  }
}
