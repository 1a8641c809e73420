import { BoundedLog } from './boundedLog';

/** The document's registry settings (schema `registryConfigSchema`, Eureka defaults). */
export interface RegistrySettings {
  heartbeatIntervalMs: number;
  leaseMs: number;
  evictionIntervalMs: number;
}

/** Why an instance joined or left the registry. */
export type MembershipChange = 'registered' | 'reregistered' | 'cancelled' | 'evicted';

/** One membership change, with the service's member count after it, for the run summary. */
export interface MembershipEvent {
  atMs: number;
  service: string;
  instance: number;
  change: MembershipChange;
  members: number;
}

/**
 * The leases of one service's instances (0..n-1), a handle the runtime keeps so discovery per
 * request is an array read; `version` changes with membership, for a load balancer's HostView.
 */
export class ServiceLeases {
  private registered = new Uint8Array(0);
  private lastRenewMs = new Float64Array(0);
  private cache: number[] = [];
  private cacheVersion = -1;
  /** Bumped on every membership change. */
  version = 0;
  /** Instances currently registered. */
  members = 0;

  constructor(readonly name: string) {}

  /** Whether `instance` is in the registry (expired but not yet evicted still counts, as in Eureka). */
  isRegistered(instance: number): boolean {
    return this.registered[instance] === 1;
  }

  /** Whether the instance's lease ran out: no renewal for longer than `leaseMs`. */
  isExpired(instance: number, nowMs: number, leaseMs: number): boolean {
    return this.registered[instance] === 1 && nowMs > this.lastRenewMs[instance]! + leaseMs;
  }

  /** The registered instance indices, ascending; a shared array rebuilt only after a change. */
  instances(): readonly number[] {
    if (this.cacheVersion !== this.version) {
      this.cache = [];
      for (let i = 0; i < this.registered.length; i++) if (this.registered[i] === 1) this.cache.push(i);
      this.cacheVersion = this.version;
    }
    return this.cache;
  }

  /** Highest instance index ever seen, plus one. */
  get capacity(): number {
    return this.registered.length;
  }

  /** @internal */
  setLease(instance: number, member: boolean, renewMs: number): boolean {
    this.grow(instance + 1);
    const was = this.registered[instance] === 1;
    this.registered[instance] = member ? 1 : 0;
    this.lastRenewMs[instance] = renewMs;
    if (was !== member) {
      this.members += member ? 1 : -1;
      this.version++;
    }
    return was !== member;
  }

  /** @internal */
  renew(instance: number, nowMs: number): boolean {
    if (this.registered[instance] !== 1) return false;
    this.lastRenewMs[instance] = nowMs;
    return true;
  }

  private grow(size: number): void {
    if (size <= this.registered.length) return;
    const n = Math.max(size, this.registered.length * 2, 4);
    const registered = new Uint8Array(n);
    registered.set(this.registered);
    const renew = new Float64Array(n);
    renew.set(this.lastRenewMs);
    this.registered = registered;
    this.lastRenewMs = renew;
  }
}

/**
 * A Eureka-style service registry: an instance registers on start and renews its lease with a
 * heartbeat every `heartbeatIntervalMs`; a lease not renewed for `leaseMs` (90 s) is expired, yet the
 * instance stays registered, and discoverable, until the eviction task that runs every
 * `evictionIntervalMs` removes it. A heartbeat for an unknown instance gets Eureka's 404 and the
 * client re-registers at once, which is how a recovered instance comes back. So a killed instance
 * keeps receiving traffic for up to lease + eviction interval. Not modelled: self-preservation, the
 * 15 % per-run eviction limit, client-side registry caches, and Eureka's doubled expiry (its renew()
 * bug); leases here expire after exactly `leaseMs`, the documented contract.
 */
export class ServiceRegistry {
  private readonly services = new Map<string, ServiceLeases>();
  private readonly log: BoundedLog<MembershipEvent>;

  constructor(
    readonly settings: RegistrySettings,
    options: { historyCapacity?: number } = {},
  ) {
    this.log = new BoundedLog(options.historyCapacity ?? 1000);
  }

  /** The lease table of `service`, created empty on first use; keep it for per-request reads. */
  service(name: string): ServiceLeases {
    let s = this.services.get(name);
    if (s === undefined) {
      s = new ServiceLeases(name);
      this.services.set(name, s);
    }
    return s;
  }

  /** Registers (or re-registers) an instance with a fresh lease. */
  register(service: string, instance: number, nowMs: number): void {
    this.registerAs(service, instance, nowMs, 'registered');
  }

  /** Renews a lease; returns false when the instance was unknown and had to re-register. */
  heartbeat(service: string, instance: number, nowMs: number): boolean {
    const s = this.service(service);
    if (s.renew(instance, nowMs)) return true;
    this.registerAs(service, instance, nowMs, 'reregistered');
    return false;
  }

  /** Removes an instance on a graceful shutdown (Eureka cancel); a crash never calls this. */
  cancel(service: string, instance: number, nowMs: number): void {
    const s = this.service(service);
    if (s.setLease(instance, false, nowMs)) this.record(nowMs, s, instance, 'cancelled');
  }

  /** Runs the eviction task at `nowMs`: removes every expired instance; returns how many. */
  evict(nowMs: number): number {
    let evicted = 0;
    for (const s of this.services.values()) {
      for (let i = 0; i < s.capacity; i++) {
        if (!s.isExpired(i, nowMs, this.settings.leaseMs)) continue;
        s.setLease(i, false, nowMs);
        this.record(nowMs, s, i, 'evicted');
        evicted++;
      }
    }
    return evicted;
  }

  /** Registered instances of `service` (expired but not evicted included). */
  discover(service: string): readonly number[] {
    return this.service(service).instances();
  }

  /** Whether the instance's lease has run out at `nowMs`. */
  isExpired(service: string, instance: number, nowMs: number): boolean {
    return this.service(service).isExpired(instance, nowMs, this.settings.leaseMs);
  }

  /** The kept membership changes, oldest first. */
  history(): MembershipEvent[] {
    return this.log.toArray();
  }

  /** Every membership change so far. */
  get changesTotal(): number {
    return this.log.total;
  }

  private registerAs(service: string, instance: number, nowMs: number, change: MembershipChange): void {
    const s = this.service(service);
    if (s.setLease(instance, true, nowMs)) this.record(nowMs, s, instance, change);
  }

  private record(atMs: number, s: ServiceLeases, instance: number, change: MembershipChange): void {
    this.log.push({ atMs, service: s.name, instance, change, members: s.members });
  }
}
