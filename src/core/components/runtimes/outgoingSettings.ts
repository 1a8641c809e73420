import type { EdgeLink } from '../../sim/edgeLink';
import type { World } from '../../sim/world';
import type { ConfigValue } from '../resilience/configStore';
import { ResilientCallPolicy } from '../resilience/resilientCallPolicy';

/** Config keys that tune a node's outgoing sync calls; each also exists as `key.<targetId>` for one target. */
const OUTGOING_KEYS = ['timeoutMs', 'maxRetries', 'perTryTimeoutMs', 'weights', 'enabled'] as const;

/** A number, or a string holding one. */
export function configNumber(value: ConfigValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A boolean, or "true" / "false" in any case. */
function configBoolean(value: ConfigValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return undefined;
}

/** Comma-separated non-negative numbers ("25,75"), or one number; undefined when malformed. */
export function configWeights(value: ConfigValue | undefined): number[] | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const parts = String(value).split(',');
  const out: number[] = [];
  for (const p of parts) {
    const n = configNumber(p.trim());
    if (n === undefined || n < 0) return undefined;
    out.push(n);
  }
  return out;
}

function baseKey(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

/**
 * The config-driven settings of one node's outgoing sync calls: `timeoutMs` (the call deadline over
 * all attempts, 0 = none), `maxRetries` (0..10), `perTryTimeoutMs` (the time one attempt may take,
 * 0 = none), `weights` (per-instance weights of a weighted load balancer, "25,75") and `enabled` (a feature flag: false short-circuits the calls to the
 * edge's fallback, a kill switch for a dependency), each for every outgoing edge or, as `timeoutMs.<targetId>`, for one
 * target; the per-target key wins, and an unset key leaves the edge's own setting. Applied to the
 * links themselves, so calls started after the change use it and calls in flight keep theirs.
 */
export class OutgoingSettings {
  private readonly values = new Map<string, ConfigValue>();
  private links: EdgeLink[] = [];

  constructor(
    private readonly world: World,
    private readonly sourceId: string,
  ) {}

  /** Resolves the node's outgoing sync links (once every edge exists). */
  init(): void {
    this.links = this.world.linksFrom(this.sourceId).filter((l) => l.edge.kind === 'sync');
  }

  /** Whether `key` is one of the outgoing-call keys. */
  static handles(key: string): boolean {
    return (OUTGOING_KEYS as readonly string[]).includes(baseKey(key));
  }

  /** Sets one key and re-applies the settings it touches; false when the key is not an outgoing-call key. */
  set(key: string, value: ConfigValue): boolean {
    if (!OutgoingSettings.handles(key)) return false;
    this.values.set(key, value);
    const base = baseKey(key);
    for (const link of this.links) this.applyTo(link, base);
    return true;
  }

  private pick(key: string, targetId: string): ConfigValue | undefined {
    return this.values.get(`${key}.${targetId}`) ?? this.values.get(key);
  }

  private applyTo(link: EdgeLink, key: string): void {
    const target = link.target.id;
    const edge = link.edge.config;
    if (key === 'timeoutMs') {
      const t = configNumber(this.pick('timeoutMs', target));
      link.timeoutMs = t !== undefined && t >= 0 ? t : edge.timeoutMs;
    } else if (key === 'maxRetries') {
      const r = configNumber(this.pick('maxRetries', target));
      link.maxRetries = r !== undefined ? Math.max(0, Math.min(10, Math.floor(r))) : edge.retry.maxRetries;
    } else if (key === 'perTryTimeoutMs') {
      const t = configNumber(this.pick('perTryTimeoutMs', target));
      link.perTryTimeoutMs = t !== undefined && t >= 0 ? t : edge.retry.perTryTimeoutMs;
    } else if (key === 'weights' && link.policy instanceof ResilientCallPolicy) {
      link.policy.setWeights(configWeights(this.pick('weights', target)) ?? edge.loadBalancer.weights);
    } else if (key === 'enabled' && link.policy instanceof ResilientCallPolicy) {
      link.policy.setEnabled(configBoolean(this.pick('enabled', target)) ?? true);
    }
  }
}
