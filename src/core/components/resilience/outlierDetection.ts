import { BoundedLog } from './boundedLog';

/** The document's outlier-detection settings (proxy `outlierDetection`, Envoy defaults). */
export interface OutlierSettings {
  consecutive5xx: number;
  baseEjectionTimeMs: number;
  maxEjectionTimeMs: number;
  maxEjectionPercent: number;
  /** Envoy's detection interval, which paces the decay of the ejection multiplier (default 10 s). */
  intervalMs?: number;
}

/** One ejection, for metrics and the run summary. */
export interface Ejection {
  host: number;
  atMs: number;
  untilMs: number;
}

/** Construction options beyond the document's settings. */
export interface OutlierOptions {
  historyCapacity?: number;
  /** Called on each ejection; the runtime schedules `release(untilMs)` from here. */
  onEject?: (ejection: Ejection) => void;
  onRelease?: (host: number, atMs: number) => void;
}

/**
 * Envoy's consecutive-5xx outlier detection: the result that brings a host's run of consecutive
 * 5xx (connect failures and timeouts count as 5xx, Envoy's default when local-origin errors are
 * not split) to exactly `consecutive5xx` ejects it for baseEjectionTime x its ejection multiplier,
 * capped at maxEjectionTime; a success resets the run. At most maxEjectionPercent of the hosts may
 * be ejected, but one host always can be. If the cap refuses an ejection the run must restart
 * (Envoy fires on `==`, not `>=`). The multiplier grows by one per ejection and shrinks by one per
 * detection interval the host stays in service, so a host that fails again straight after
 * release stays out twice as long.
 */
export class OutlierDetector {
  private readonly consecutive: Int32Array;
  private readonly ejected: Uint8Array;
  private readonly untilMs: Float64Array;
  private readonly releasedAtMs: Float64Array;
  private readonly multiplier: Int32Array;
  private readonly maxMultiplier: number;
  private readonly intervalMs: number;
  private active = 0;
  private readonly log: BoundedLog<Ejection>;
  /** Earliest time any ejected host is due back (Infinity when none is ejected). */
  nextReleaseAtMs = Number.POSITIVE_INFINITY;
  /** Bumped on every ejection and release, for a HostView's version. */
  version = 0;
  /** Ejections the percent cap refused (Envoy's ejections_overflow). */
  overflowed = 0;

  constructor(
    readonly hostCount: number,
    readonly settings: OutlierSettings,
    private readonly options: OutlierOptions = {},
  ) {
    this.consecutive = new Int32Array(hostCount);
    this.ejected = new Uint8Array(hostCount);
    this.untilMs = new Float64Array(hostCount);
    this.releasedAtMs = new Float64Array(hostCount).fill(Number.NaN);
    this.multiplier = new Int32Array(hostCount);
    this.maxMultiplier = Math.max(1, Math.ceil(settings.maxEjectionTimeMs / settings.baseEjectionTimeMs));
    this.intervalMs = settings.intervalMs ?? 10_000;
    this.log = new BoundedLog(options.historyCapacity ?? 1000);
  }

  /** Records one response from `host`; returns true when it ejected the host. */
  onResult(host: number, nowMs: number, is5xx: boolean): boolean {
    if (nowMs >= this.nextReleaseAtMs) this.release(nowMs);
    if (!is5xx) {
      this.consecutive[host] = 0;
      return false;
    }
    const run = ++this.consecutive[host]!;
    if (run !== this.settings.consecutive5xx || this.ejected[host] === 1) return false;
    return this.eject(host, nowMs);
  }

  /** Whether `host` is out of the load-balancing set at `nowMs`. */
  isEjected(host: number, nowMs: number): boolean {
    return this.ejected[host] === 1 && this.untilMs[host]! > nowMs;
  }

  /** The time an ejected host is due back (meaningless when not ejected). */
  ejectedUntilMs(host: number): number {
    return this.untilMs[host]!;
  }

  /** Hosts currently ejected (as of the last release). */
  get ejectedCount(): number {
    return this.active;
  }

  /** Every ejection so far, including those no longer kept in the history. */
  get ejectionsTotal(): number {
    return this.log.total;
  }

  /** The kept ejections, oldest first. */
  ejections(): Ejection[] {
    return this.log.toArray();
  }

  /** Returns every host whose ejection time has passed to service; O(1) when none is due. */
  release(nowMs: number): number {
    if (nowMs < this.nextReleaseAtMs) return 0;
    let released = 0;
    let next = Number.POSITIVE_INFINITY;
    for (let h = 0; h < this.hostCount; h++) {
      if (this.ejected[h] !== 1) continue;
      const until = this.untilMs[h]!;
      if (until > nowMs) {
        next = Math.min(next, until);
        continue;
      }
      this.ejected[h] = 0;
      // A fresh run after release, so a few new errors do not re-eject at once (as Envoy resets).
      this.consecutive[h] = 0;
      this.releasedAtMs[h] = until;
      this.active--;
      released++;
      this.options.onRelease?.(h, until);
    }
    this.nextReleaseAtMs = next;
    if (released > 0) this.version++;
    return released;
  }

  private eject(host: number, nowMs: number): boolean {
    const { maxEjectionPercent, baseEjectionTimeMs, maxEjectionTimeMs } = this.settings;
    if (this.active > 0 && ((this.active + 1) * 100) / this.hostCount > maxEjectionPercent) {
      this.overflowed++;
      return false;
    }
    const releasedAt = this.releasedAtMs[host]!;
    let m = this.multiplier[host]!;
    if (!Number.isNaN(releasedAt)) m = Math.max(0, m - Math.floor((nowMs - releasedAt) / this.intervalMs));
    m = Math.min(m + 1, this.maxMultiplier);
    this.multiplier[host] = m;
    const until = nowMs + Math.min(baseEjectionTimeMs * m, maxEjectionTimeMs);
    this.ejected[host] = 1;
    this.untilMs[host] = until;
    this.active++;
    this.nextReleaseAtMs = Math.min(this.nextReleaseAtMs, until);
    this.version++;
    const ejection: Ejection = { host, atMs: nowMs, untilMs: until };
    this.log.push(ejection);
    this.options.onEject?.(ejection);
    return true;
  }
}
