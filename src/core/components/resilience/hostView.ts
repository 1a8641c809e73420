/**
 * The caller's live view of one upstream's hosts (instances 0..count-1), shaped like the runtime's
 * InstanceView so it can be passed as is. `isRoutable` is the health the balancer trusts
 * (discovered, not ejected); `load` the requests a host holds, for least-request. A view that sets
 * `version`, changing it whenever count or routability changes, lets balancers skip the O(count)
 * routability check they otherwise make before each pick.
 */
export interface HostView {
  readonly count: number;
  readonly version?: number;
  isRoutable(host: number): boolean;
  load(host: number): number;
}

/** An array-backed HostView that bumps its version on every routability change (tests, simple callers). */
export class ArrayHostView implements HostView {
  readonly routable: boolean[];
  readonly loads: number[];
  version = 0;

  constructor(count: number) {
    this.routable = new Array<boolean>(count).fill(true);
    this.loads = new Array<number>(count).fill(0);
  }

  get count(): number {
    return this.routable.length;
  }

  isRoutable(host: number): boolean {
    return this.routable[host] === true;
  }

  load(host: number): number {
    return this.loads[host] ?? 0;
  }

  /** Changes a host's routability and invalidates cached candidate sets. */
  setRoutable(host: number, routable: boolean): void {
    if (this.routable[host] === routable) return;
    this.routable[host] = routable;
    this.version++;
  }
}

/** Anything that can tell whether a host is excluded at a time, e.g. an OutlierDetector. */
export interface HostExclusion {
  isEjected(host: number, nowMs: number): boolean;
}

/**
 * A reusable view that hides excluded hosts (outlier ejections) from a base view without
 * allocating per request: call `at(base, nowMs)` before each pick. It has no version, so
 * balancers re-check routability each pick.
 */
export class ExcludingHostView implements HostView {
  private base: HostView | null = null;
  private nowMs = 0;

  constructor(private readonly exclusion: HostExclusion) {}

  /** Points the view at `base` as of `nowMs` and returns it. */
  at(base: HostView, nowMs: number): this {
    this.base = base;
    this.nowMs = nowMs;
    return this;
  }

  get count(): number {
    return this.base?.count ?? 0;
  }

  isRoutable(host: number): boolean {
    return this.base?.isRoutable(host) === true && !this.exclusion.isEjected(host, this.nowMs);
  }

  load(host: number): number {
    return this.base?.load(host) ?? 0;
  }
}
