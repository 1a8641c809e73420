import { BoundedLog } from './boundedLog';

/** A config value as the document allows it. */
export type ConfigValue = string | number | boolean;

/** One change of one key, stamped with the service's new config version. */
export interface ConfigChange {
  atMs: number;
  service: string;
  key: string;
  value: ConfigValue;
  version: number;
}

/**
 * How changes reach a client: `push` after a propagation delay (Spring Cloud Bus broadcasting a
 * refresh event), or `poll` at the client's next poll tick, ticks falling at phaseMs + k * intervalMs
 * (Netflix Archaius' polled sources, Consul/Kubernetes watchers with a resync period).
 */
export type ConfigDelivery =
  | { mode: 'push'; pushDelayMs: number }
  | { mode: 'poll'; pollIntervalMs: number; pollPhaseMs: number };

/**
 * When a change made at `changeAtMs` becomes visible to a client: push delivers it
 * `pushDelayMs` later; poll at the first tick at or after the change (a poll at the very instant of
 * a change sees it).
 */
export function deliveryAtMs(delivery: ConfigDelivery, changeAtMs: number): number {
  if (delivery.mode === 'push') return changeAtMs + delivery.pushDelayMs;
  const { pollIntervalMs, pollPhaseMs } = delivery;
  const k = Math.max(0, Math.ceil((changeAtMs - pollPhaseMs) / pollIntervalMs));
  return pollPhaseMs + k * pollIntervalMs;
}

/**
 * The config server's authoritative state (Spring Cloud Config): per-service keys with a version
 * that every change bumps (initial keys are version 0), and the full ordered change list per service
 * so clients can catch up to any version. Changes come from the scenario timeline, so lists stay short.
 */
export class ConfigStore {
  private readonly baseline = new Map<string, ReadonlyMap<string, ConfigValue>>();
  private readonly current = new Map<string, Map<string, ConfigValue>>();
  private readonly changeLists = new Map<string, ConfigChange[]>();
  private readonly log: BoundedLog<ConfigChange>;

  constructor(
    initial: Readonly<Record<string, Readonly<Record<string, ConfigValue>>>> = {},
    options: { historyCapacity?: number } = {},
  ) {
    for (const [service, keys] of Object.entries(initial)) {
      this.baseline.set(service, new Map(Object.entries(keys)));
      this.current.set(service, new Map(Object.entries(keys)));
    }
    this.log = new BoundedLog(options.historyCapacity ?? 1000);
  }

  /** Sets one key at `atMs` and returns the service's new version. */
  set(service: string, key: string, value: ConfigValue, atMs: number): number {
    let list = this.changeLists.get(service);
    if (list === undefined) {
      list = [];
      this.changeLists.set(service, list);
    }
    let keys = this.current.get(service);
    if (keys === undefined) {
      keys = new Map();
      this.current.set(service, keys);
    }
    keys.set(key, value);
    const change: ConfigChange = { atMs, service, key, value, version: list.length + 1 };
    list.push(change);
    this.log.push(change);
    return change.version;
  }

  /** The service's current version (0 before any change). */
  version(service: string): number {
    return this.changeLists.get(service)?.length ?? 0;
  }

  /** The server's current value of a key. */
  get(service: string, key: string): ConfigValue | undefined {
    return this.current.get(service)?.get(key);
  }

  /** The service's initial keys (version 0). */
  initialKeys(service: string): ReadonlyMap<string, ConfigValue> {
    return this.baseline.get(service) ?? new Map();
  }

  /** Every change of `service`, in version order (entry v-1 is version v). */
  changes(service: string): readonly ConfigChange[] {
    return this.changeLists.get(service) ?? [];
  }

  /** The kept changes of all services, oldest first. */
  history(): ConfigChange[] {
    return this.log.toArray();
  }
}

/**
 * One service's applied configuration: starts from the server's state at creation (the bootstrap
 * fetch), then moves to a later version only when the runtime applies it, at the time
 * `deliveryAtMs` names. Getters are Map reads, so behaviour can consult them per request.
 */
export class ConfigClient {
  private readonly values: Map<string, ConfigValue>;
  private applied = 0;

  constructor(
    private readonly store: ConfigStore,
    readonly service: string,
    readonly delivery: ConfigDelivery,
  ) {
    this.values = new Map(store.initialKeys(service));
    this.applyUpTo(store.version(service));
  }

  /** The config version this client runs with. */
  get appliedVersion(): number {
    return this.applied;
  }

  /** When this client sees a change made at `changeAtMs`. */
  deliveryAtMs(changeAtMs: number): number {
    return deliveryAtMs(this.delivery, changeAtMs);
  }

  /** Applies every change up to `version` (never goes back); returns how many changes it applied. */
  applyUpTo(version: number): number {
    const list = this.store.changes(this.service);
    const target = Math.min(version, list.length);
    let n = 0;
    for (let v = this.applied + 1; v <= target; v++) {
      const change = list[v - 1]!;
      this.values.set(change.key, change.value);
      n++;
    }
    this.applied = Math.max(this.applied, target);
    return n;
  }

  /** The raw applied value of a key. */
  get(key: string): ConfigValue | undefined {
    return this.values.get(key);
  }

  /** A number, or a string holding one (as Spring's conversion accepts); `fallback` otherwise. */
  getNumber(key: string, fallback: number): number {
    const v = this.values.get(key);
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '') {
      const n = Number(v);
      if (Number.isFinite(n)) return n;
    }
    return fallback;
  }

  /** A boolean, or the string "true"/"false" in any case; `fallback` otherwise. */
  getBoolean(key: string, fallback: boolean): boolean {
    const v = this.values.get(key);
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string') {
      const s = v.trim().toLowerCase();
      if (s === 'true') return true;
      if (s === 'false') return false;
    }
    return fallback;
  }

  /** A string (numbers and booleans in their usual text form); `fallback` when unset. */
  getString(key: string, fallback: string): string {
    const v = this.values.get(key);
    return v === undefined ? fallback : String(v);
  }
}
