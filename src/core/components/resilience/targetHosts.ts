import { DOUBLE_ZERO } from '../../engine/doubleFields';
import type { HostExclusion, HostView } from './hostView';

/**
 * What a caller sees of an upstream's instances: the runtime's InstanceView shape (instance count,
 * health-check routability, load). A view that also implements {@link DiscoveredInstances} is
 * discovered through a service registry.
 */
export interface UpstreamView {
  readonly count: number;
  isRoutable(instance: number): boolean;
  load(instance: number): number;
  /** Changes whenever any instance's routability changes; absent when the view cannot tell. */
  readonly routingVersion?: number;
}

/**
 * An upstream whose instances come from a service registry: the registered instances form the host
 * set (Envoy EDS: an evicted instance is not an unhealthy host, it is no host at all, so panic mode
 * never brings it back), and `membershipVersion` changes whenever that list does.
 */
export interface DiscoveredInstances {
  /** Registered instance indices, ascending, or null when the upstream uses no registry. */
  registeredInstances(): readonly number[] | null;
  readonly membershipVersion: number;
}

/** Whether an upstream view carries registry membership. */
export function isDiscovered(view: object): view is DiscoveredInstances {
  return typeof (view as Partial<DiscoveredInstances>).registeredInstances === 'function';
}

/**
 * The host set a load balancer picks from for one upstream, reused for every pick (no allocation):
 * hosts are all instances (routable by health check) or, with a registry, the registered ones;
 * hosts ejected by outlier detection are not routable. Host k maps back to an instance with
 * `instanceOf(k)`.
 */
export class TargetHosts implements HostView {
  private base: UpstreamView | null = null;
  private list: readonly number[] | null = null;
  /**
   * Time of the pick, for ejections: set by the caller before `bind` whenever an exclusion is on.
   * A field rather than an argument of `bind`: a call V8 does not inline passes a double as a new
   * heap number, and `bind` runs on every attempt.
   */
  nowMs = DOUBLE_ZERO;
  /** Hosts in the set, as of the last bind. */
  count = 0;
  /**
   * As of the last bind: versioned for a registry host set (membership and ejections both bump it)
   * and for an upstream that versions its health-check routability (its `routingVersion`, with
   * ejections); registry versions are positive, the others negative, so the two never meet. Without
   * a version balancers re-check routability per pick, O(instances).
   */
  version: number | undefined = undefined;

  constructor(private exclusion: (HostExclusion & { version: number }) | null = null) {}

  /** Adds outlier ejection to routability. */
  setExclusion(exclusion: HostExclusion & { version: number }): void {
    this.exclusion = exclusion;
  }

  /**
   * Points the set at `view` and takes its count and version (call it before every pick: ejections
   * and releases happen between picks); returns it.
   */
  bind(view: UpstreamView): this {
    this.base = view;
    const ejections = this.exclusion?.version ?? 0;
    const list = isDiscovered(view) ? view.registeredInstances() : null;
    this.list = list;
    if (list !== null) {
      this.count = list.length;
      this.version = (view as UpstreamView & DiscoveredInstances).membershipVersion * 1_048_576 + ejections;
    } else {
      this.count = view.count;
      const routing = view.routingVersion;
      this.version = routing === undefined ? undefined : -(routing * 1_048_576 + ejections) - 1;
    }
    return this;
  }

  /** Whether hosts are registry members (true) or all instances (false). */
  get discovered(): boolean {
    return this.list !== null;
  }

  instanceOf(host: number): number {
    return this.list ? this.list[host]! : host;
  }

  isRoutable(host: number): boolean {
    const instance = this.instanceOf(host);
    if (this.list === null && this.base?.isRoutable(instance) !== true) return false;
    return !this.exclusion?.isEjected(instance, this.nowMs);
  }

  load(host: number): number {
    return this.base?.load(this.instanceOf(host)) ?? 0;
  }
}
