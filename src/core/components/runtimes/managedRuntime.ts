import type { NodeKind } from '../../model/schema';
import type { NodeStats } from '../../sim/stats';
import type { InstanceNumbers, NodeRequest, NodeRuntime, NoSection, Slowdown } from '../../sim/types';
import type { World } from '../../sim/world';
import type { ConfigValue } from '../resilience/configStore';
import type { ServiceLeases } from '../resilience/registry';
import { DiscoveryView } from './discoveryView';
import { configNumber, OutgoingSettings } from './outgoingSettings';

/** A node whose behaviour config keys can change at run time (config server and control-plane pushes). */
export interface ConfigurableRuntime {
  /** Applies one key now; false when the key means nothing to this node. */
  applyConfig(key: string, value: ConfigValue): boolean;
}

/** Whether a runtime accepts config keys. */
export function isConfigurable(runtime: NodeRuntime): runtime is NodeRuntime & ConfigurableRuntime {
  return typeof (runtime as Partial<ConfigurableRuntime>).applyConfig === 'function';
}

/** A node a service registry can adopt: its instances register, heartbeat and re-register on restart. */
export interface RegistryMember {
  /** Makes registry membership what callers route by; `onRestart` runs after an instance restarts. */
  joinRegistry(leases: ServiceLeases, onRestart: (instance: number) => void): void;
}

/** Whether a runtime can join a registry. */
export function isRegistryMember(runtime: NodeRuntime): runtime is NodeRuntime & RegistryMember {
  return typeof (runtime as Partial<RegistryMember>).joinRegistry === 'function';
}

/**
 * Wraps any serving runtime (a service, a gateway's or a proxy's station) with what issue-level
 * infrastructure adds to it: registry discovery of its instances, config keys (`errorRate` as the
 * base error probability under any fault override, plus the outgoing-call keys of
 * {@link OutgoingSettings}), and a summary hook. Everything else is delegated unchanged.
 */
export class ManagedRuntime implements NodeRuntime, RegistryMember, ConfigurableRuntime {
  readonly id: string;
  readonly kind: NodeKind;
  readonly stats: NodeStats;
  readonly instances: DiscoveryView;
  readonly releasesRequests: boolean;
  protected readonly outgoing: OutgoingSettings;
  private restartListener: ((instance: number) => void) | null = null;
  private faultErrorRate: number | null = null;
  private configErrorRate: number | null = null;

  constructor(
    readonly world: World,
    readonly inner: NodeRuntime,
  ) {
    this.id = inner.id;
    this.kind = inner.kind;
    this.stats = inner.stats;
    this.instances = new DiscoveryView(inner.instances);
    this.releasesRequests = inner.releasesRequests === true;
    this.outgoing = new OutgoingSettings(world, inner.id);
  }

  init(): void {
    this.inner.init();
    this.outgoing.init();
  }

  start(): void {
    this.inner.start();
  }

  handle(req: NodeRequest): void {
    this.inner.handle(req);
  }

  accepts(method: string, path: string): boolean {
    return this.inner.accepts(method, path);
  }

  queueDepth(): number {
    return this.inner.queueDepth();
  }

  inFlight(): number {
    return this.inner.inFlight();
  }

  healthyInstances(): number {
    return this.inner.healthyInstances();
  }

  instanceNumbers(): InstanceNumbers[] {
    return this.inner.instanceNumbers?.() ?? [];
  }

  slowInstance(instance: number, slowdown: Slowdown, end = false): boolean {
    return this.inner.slowInstance?.(instance, slowdown, end) ?? false;
  }

  kill(instance: number): boolean {
    return this.inner.kill(instance);
  }

  restart(instance: number): boolean {
    const ok = this.inner.restart(instance);
    if (ok) this.restartListener?.(instance);
    return ok;
  }

  addLatencyMs(deltaMs: number): boolean {
    return this.inner.addLatencyMs(deltaMs);
  }

  /** A fault's override, layered over the config's base rate: ending the fault reveals the config value. */
  setErrorRate(rate: number | null): boolean {
    this.faultErrorRate = rate;
    return this.inner.setErrorRate(this.faultErrorRate ?? this.configErrorRate);
  }

  joinRegistry(leases: ServiceLeases, onRestart: (instance: number) => void): void {
    this.instances.attach(leases);
    this.restartListener = onRestart;
  }

  applyConfig(key: string, value: ConfigValue): boolean {
    if (key === 'errorRate') {
      const rate = configNumber(value);
      if (rate === undefined || rate < 0 || rate > 1) return false;
      this.configErrorRate = rate;
      return this.inner.setErrorRate(this.faultErrorRate ?? this.configErrorRate);
    }
    return this.outgoing.set(key, value);
  }

  /** The kind's section of the node's summary entry: none for a service; gateways and proxies add theirs. */
  summary(): NoSection {
    return {};
  }
}
