import { CAUSE } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import type { EdgeLink } from '../../sim/edgeLink';
import type { NodeRuntime } from '../../sim/types';
import type { World } from '../../sim/world';
import { BoundedLog } from '../resilience/boundedLog';
import { ConfigClient, type ConfigDelivery, ConfigStore, type ConfigValue } from '../resilience/configStore';
import { ControlNode } from './controlNode';
import { isConfigurable } from './managedRuntime';

/**
 * Delay of a pushed change (Spring Cloud Bus: the refresh event crosses a message broker, then the
 * client re-binds its beans); a documented stand-in, since the document has no field for it.
 */
export const CONFIG_PUSH_DELAY_MS = 1000;

interface Subscriber {
  server: ConfigServerRuntime;
  runtime: NodeRuntime;
  client: ConfigClient;
  /** The client -> server edge its fetches and polls are counted on. */
  link: EdgeLink;
}

interface Delivery {
  atMs: number;
  service: string;
  version: number;
}

/** A config server's section of its summary entry: versions per client, recent changes and deliveries. */
export interface ConfigServerSummary {
  mode: ConfigDelivery['mode'];
  /** Per client service: the server's version of its keys and the version it has applied. */
  versions: Record<string, { server: number; applied: number }>;
  changes: { atMs: number; service: string; key: string; value: ConfigValue; version: number }[];
  deliveries: Delivery[];
}

const SUMMARY_HISTORY = 100;

/**
 * A config server (Spring Cloud Config): per-node keys (`config.keys[nodeId]`) that every node
 * linked to it by a `config` edge fetches at start, and changes from the scenario timeline
 * (`configChange` faults naming this server) that reach a node by push ({@link CONFIG_PUSH_DELAY_MS}
 * later) or at its next poll tick (every `pollIntervalMs` from t = 0). A node cut off by a partition,
 * or a server that is down, misses the delivery and gets it at the next try. Keys that change
 * behaviour (docs/diagram-format.md): `errorRate`, `timeoutMs`, `maxRetries`, `perTryTimeoutMs`, `weights`, `enabled` (per outgoing
 * target with `.<targetId>`), and a gateway's `rateLimit.ratePerSec` / `rateLimit.burst`.
 */
export class ConfigServerRuntime extends ControlNode {
  readonly store: ConfigStore;
  private readonly delivery: ConfigDelivery;
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly deliveries = new BoundedLog<Delivery>(1000);

  constructor(world: World, node: NodeOfKind<'configServer'>) {
    super(world, node);
    const c = node.config;
    this.store = new ConfigStore(c.keys);
    this.delivery =
      c.mode === 'push'
        ? { mode: 'push', pushDelayMs: CONFIG_PUSH_DELAY_MS }
        : { mode: 'poll', pollIntervalMs: c.pollIntervalMs, pollPhaseMs: 0 };
  }

  init(): void {
    for (const link of this.world.links) {
      if (link.target !== this || link.edge.kind !== 'config' || this.subscribers.has(link.source.id))
        continue;
      const runtime = link.source;
      this.subscribers.set(runtime.id, {
        server: this,
        runtime,
        client: new ConfigClient(this.store, runtime.id, this.delivery),
        link,
      });
    }
  }

  /** The bootstrap fetch: every subscriber applies its initial keys. */
  start(): void {
    for (const s of this.subscribers.values()) {
      s.link.stats.countMessage(CAUSE.none, 0);
      for (const [key, value] of this.store.initialKeys(s.runtime.id)) this.applyKey(s, key, value);
      if (this.delivery.mode === 'poll' && this.inRun(this.delivery.pollIntervalMs))
        this.world.sim.schedule(this.delivery.pollIntervalMs, poll, s);
    }
  }

  /** A poll-mode client's periodic fetch, counted on its edge (a change found is applied by `deliver`). */
  poll(s: Subscriber): void {
    if (this.delivery.mode !== 'poll') return;
    s.link.stats.countMessage(this.reachCause(s.runtime.id), this.world.sim.now);
    if (this.inRun(this.delivery.pollIntervalMs))
      this.world.sim.schedule(this.delivery.pollIntervalMs, poll, s);
  }

  /** A change on the timeline: bumps the node's version and schedules its delivery. */
  changeConfig(service: string, key: string, value: ConfigValue): boolean {
    const now = this.world.sim.now;
    const version = this.store.set(service, key, value, now);
    const s = this.subscribers.get(service);
    if (!s) {
      this.world.log.append(
        now,
        'config',
        'warn',
        this.id,
        `${service} is not a client of ${this.id}: v${version} stays on the server`,
      );
      return true;
    }
    this.world.sim.scheduleAt(s.client.deliveryAtMs(now), deliver, s);
    return true;
  }

  /** Brings one subscriber up to the server's version, or retries at its next push / poll. */
  deliver(s: Subscriber): void {
    const now = this.world.sim.now;
    const target = this.store.version(s.runtime.id);
    const from = s.client.appliedVersion;
    if (target <= from) return;
    // A poll-mode fetch is already counted by its poll tick; a pushed change makes the client fetch.
    if (this.delivery.mode === 'push') s.link.stats.countMessage(this.reachCause(s.runtime.id), now);
    if (!this.reaches(s.runtime.id)) {
      const retryMs =
        this.delivery.mode === 'push' ? this.delivery.pushDelayMs : this.delivery.pollIntervalMs;
      if (this.inRun(retryMs)) this.world.sim.schedule(retryMs, deliver, s);
      return;
    }
    const changes = this.store.changes(s.runtime.id);
    const applied: string[] = [];
    for (let v = from + 1; v <= target; v++) {
      const c = changes[v - 1]!;
      this.applyKey(s, c.key, c.value);
      applied.push(`${c.key}=${String(c.value)}`);
    }
    s.client.applyUpTo(target);
    this.deliveries.push({ atMs: now, service: s.runtime.id, version: target });
    this.world.log.append(
      now,
      'config',
      'info',
      s.runtime.id,
      `${s.runtime.id} runs config v${target} (${applied.join(', ')})`,
    );
  }

  override summary(): { config: ConfigServerSummary } {
    const versions: ConfigServerSummary['versions'] = {};
    for (const s of this.subscribers.values()) {
      versions[s.runtime.id] = { server: this.store.version(s.runtime.id), applied: s.client.appliedVersion };
    }
    return {
      config: {
        mode: this.delivery.mode,
        versions,
        changes: this.store
          .history()
          .slice(-SUMMARY_HISTORY)
          .map((c) => ({ atMs: c.atMs, service: c.service, key: c.key, value: c.value, version: c.version })),
        deliveries: this.deliveries.toArray().slice(-SUMMARY_HISTORY),
      },
    };
  }

  private applyKey(s: Subscriber, key: string, value: ConfigValue): void {
    const ok = isConfigurable(s.runtime) && s.runtime.applyConfig(key, value);
    if (!ok) {
      this.world.log.append(
        this.world.sim.now,
        'config',
        'debug',
        s.runtime.id,
        `${s.runtime.id} ignores config key ${key}`,
      );
    }
  }
}

function deliver(s: Subscriber): void {
  s.server.deliver(s);
}

function poll(s: Subscriber): void {
  s.server.poll(s);
}
