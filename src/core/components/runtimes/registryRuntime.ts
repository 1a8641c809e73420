import { CAUSE } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import type { EdgeLink } from '../../sim/edgeLink';
import type { NodeRuntime } from '../../sim/types';
import type { World } from '../../sim/world';
import { type MembershipEvent, type ServiceLeases, ServiceRegistry } from '../resilience/registry';
import { ControlNode } from './controlNode';
import { isRegistryMember } from './managedRuntime';

interface Member {
  registry: RegistryRuntime;
  runtime: NodeRuntime;
  leases: ServiceLeases;
  /** The member -> registry edge its registrations and heartbeats are counted on. */
  link: EdgeLink;
}

const SUMMARY_HISTORY = 100;

/** A registry's section of its summary entry: members per service and the recent membership changes. */
export interface RegistrySummary {
  members: Record<string, number>;
  changesTotal: number;
  history: MembershipEvent[];
}

/**
 * A service registry node (Eureka): every node linked to it by a `registry` edge registers its
 * instances at start, and each instance that is up and can reach the registry renews its lease
 * every `heartbeatIntervalMs`. A killed instance stops renewing; its lease expires after `leaseMs`
 * and the eviction task, every `evictionIntervalMs`, removes it. A restarted instance registers at
 * once. Callers of a member route to its registered instances only, so a dead instance keeps
 * receiving (failing) traffic until it is evicted. While the registry is down nothing renews and
 * nothing is evicted; callers keep the membership they had.
 */
export class RegistryRuntime extends ControlNode {
  readonly registry: ServiceRegistry;
  private readonly members: Member[] = [];
  private readonly heartbeatMs: number;
  private readonly evictionMs: number;

  constructor(world: World, node: NodeOfKind<'registry'>) {
    super(world, node);
    const c = node.config;
    this.registry = new ServiceRegistry(c, { historyCapacity: 1000 });
    this.heartbeatMs = c.heartbeatIntervalMs;
    this.evictionMs = c.evictionIntervalMs;
  }

  init(): void {
    const seen = new Set<string>();
    for (const link of this.world.links) {
      if (link.target !== this || link.edge.kind !== 'registry' || seen.has(link.source.id)) continue;
      seen.add(link.source.id);
      const runtime = link.source;
      if (!isRegistryMember(runtime)) {
        this.world.log.append(
          0,
          'registry',
          'warn',
          runtime.id,
          `${runtime.id} cannot register with ${this.id}`,
        );
        continue;
      }
      const leases = this.registry.service(runtime.id);
      const member: Member = { registry: this, runtime, leases, link };
      runtime.joinRegistry(member.leases, (instance) => this.onRestart(member, instance));
      this.members.push(member);
    }
  }

  start(): void {
    for (const m of this.members) {
      const view = m.runtime.instances;
      for (let i = 0; i < view.count; i++) {
        if (!view.isUp(i)) continue;
        this.registry.register(m.runtime.id, i, 0);
        m.link.stats.countMessage(CAUSE.none, 0);
      }
      this.world.log.append(
        0,
        'registry',
        'info',
        this.id,
        `${m.runtime.id}: ${m.leases.members} instances registered`,
      );
      if (this.inRun(this.heartbeatMs)) this.world.sim.schedule(this.heartbeatMs, heartbeat, m);
    }
    if (this.members.length > 0 && this.inRun(this.evictionMs))
      this.world.sim.schedule(this.evictionMs, evict, this);
  }

  /** Renews the leases of the member's live instances; an unknown instance re-registers (Eureka's 404). */
  beat(m: Member): void {
    const now = this.world.sim.now;
    const cause = this.reachCause(m.runtime.id);
    const reached = cause === CAUSE.none;
    const view = m.runtime.instances;
    for (let i = 0; i < view.count; i++) {
      if (!view.isUp(i)) continue;
      // Every live instance sends its heartbeat; one that cannot reach the registry fails.
      m.link.stats.countMessage(cause, now);
      if (reached && !this.registry.heartbeat(m.runtime.id, i, now)) this.logChange(m, i, 're-registered');
    }
    if (this.inRun(this.heartbeatMs)) this.world.sim.schedule(this.heartbeatMs, heartbeat, m);
  }

  /** Runs the eviction task. */
  evictExpired(): void {
    const now = this.world.sim.now;
    if (this.up) {
      const lease = this.registry.settings.leaseMs;
      for (const m of this.members) {
        for (let i = 0; i < m.leases.capacity; i++) {
          if (m.leases.isExpired(i, now, lease)) this.logChange(m, i, 'evicted (lease expired)', 'warn');
        }
      }
      this.registry.evict(now);
    }
    if (this.inRun(this.evictionMs)) this.world.sim.schedule(this.evictionMs, evict, this);
  }

  override summary(): { registry: RegistrySummary } {
    const members: Record<string, number> = {};
    for (const m of this.members) members[m.runtime.id] = m.leases.members;
    return {
      registry: {
        members,
        changesTotal: this.registry.changesTotal,
        history: this.registry
          .history()
          .slice(-SUMMARY_HISTORY)
          .map((e) => ({
            atMs: e.atMs,
            service: e.service,
            instance: e.instance,
            change: e.change,
            members: e.members,
          })),
      },
    };
  }

  private onRestart(m: Member, instance: number): void {
    const cause = this.reachCause(m.runtime.id);
    m.link.stats.countMessage(cause, this.world.sim.now);
    if (cause !== CAUSE.none) return;
    const was = m.leases.isRegistered(instance);
    this.registry.register(m.runtime.id, instance, this.world.sim.now);
    if (!was) this.logChange(m, instance, 'registered after restart');
  }

  private logChange(m: Member, instance: number, what: string, severity: 'info' | 'warn' = 'info'): void {
    this.world.log.append(
      this.world.sim.now,
      'registry',
      severity,
      m.runtime.id,
      `${m.runtime.id} instance ${instance} ${what}`,
    );
  }
}

function heartbeat(m: Member): void {
  m.registry.beat(m);
}

function evict(r: RegistryRuntime): void {
  r.evictExpired();
}
