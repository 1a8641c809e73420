import type { NodeOfKind } from '../../model/schema';
import type { NodeRuntime } from '../../sim/types';
import type { World } from '../../sim/world';
import { BoundedLog } from '../resilience/boundedLog';
import type { ConfigValue } from '../resilience/configStore';
import { ControlNode } from './controlNode';
import { isConfigurable } from './managedRuntime';

interface Push {
  plane: ControlPlaneRuntime;
  proxy: NodeRuntime;
  key: string;
  value: ConfigValue;
  version: number;
  changedAtMs: number;
}

interface PushRecord {
  changedAtMs: number;
  appliedAtMs: number;
  proxy: string;
  key: string;
  version: number;
}

/** A control plane's section of its summary entry: its delay, each proxy's rules version, recent pushes. */
export interface ControlPlaneSummary {
  propagationDelayMs: number;
  versions: Record<string, number>;
  pushes: PushRecord[];
}

/**
 * A mesh control plane (istiod): a rule change for one of its proxies (a `configChange` fault naming
 * this node, `service` = the proxy id, or the control plane's own id for all of its proxies; keys `routes`, `policies`, `mtls`,
 * `weights.<route>`) reaches each proxy `propagationDelayMs` later, as xDS pushes do; a proxy that
 * cannot be reached then gets it one delay later.
 */
export class ControlPlaneRuntime extends ControlNode {
  private readonly delayMs: number;
  private readonly proxies = new Map<string, NodeRuntime>();
  private readonly versions = new Map<string, number>();
  private readonly pushes = new BoundedLog<PushRecord>(100);

  constructor(world: World, node: NodeOfKind<'controlPlane'>) {
    super(world, node);
    this.delayMs = node.config.propagationDelayMs;
  }

  init(): void {
    for (const link of this.world.linksFrom(this.id)) {
      if (link.edge.kind === 'mesh') this.proxies.set(link.target.id, link.target);
    }
  }

  start(): void {}

  changeConfig(service: string, key: string, value: ConfigValue): boolean {
    const now = this.world.sim.now;
    const targets =
      service === this.id ? [...this.proxies.values()] : [this.proxies.get(service)].filter((p) => !!p);
    if (targets.length === 0) {
      this.world.log.append(
        now,
        'mesh',
        'warn',
        this.id,
        `${service} is not a proxy of ${this.id}: rule ignored`,
      );
      return true;
    }
    for (const proxy of targets) {
      const version = (this.versions.get(proxy.id) ?? 0) + 1;
      this.versions.set(proxy.id, version);
      this.world.sim.schedule(this.delayMs, push, {
        plane: this,
        proxy,
        key,
        value,
        version,
        changedAtMs: now,
      });
    }
    return true;
  }

  /** Delivers one rule to its proxy, or tries again one propagation delay later. */
  deliver(p: Push): void {
    const now = this.world.sim.now;
    if (!this.reaches(p.proxy.id)) {
      if (this.inRun(this.delayMs)) this.world.sim.schedule(this.delayMs, push, p);
      return;
    }
    const ok = isConfigurable(p.proxy) && p.proxy.applyConfig(p.key, p.value);
    this.pushes.push({
      changedAtMs: p.changedAtMs,
      appliedAtMs: now,
      proxy: p.proxy.id,
      key: p.key,
      version: p.version,
    });
    this.world.log.append(
      now,
      'mesh',
      ok ? 'info' : 'warn',
      p.proxy.id,
      ok ? `${p.proxy.id} applied rule ${p.key} (v${p.version})` : `${p.proxy.id} rejected rule ${p.key}`,
    );
  }

  override summary(): { controlPlane: ControlPlaneSummary } {
    const versions: Record<string, number> = {};
    for (const id of this.proxies.keys()) versions[id] = this.versions.get(id) ?? 0;
    return { controlPlane: { propagationDelayMs: this.delayMs, versions, pushes: this.pushes.toArray() } };
  }
}

function push(p: Push): void {
  p.plane.deliver(p);
}
