import { type CompiledExpr, compileExpression, type ExprScope, isTruthy } from '../../model/expression';
import { type LogLevel, logLevels } from './logTypes';

/** An alert rule as the document declares it. */
export interface AlertRuleSpec {
  readonly id: string;
  readonly name: string;
  readonly where?: string | undefined;
  readonly aggregate: 'count' | 'sum' | 'avg' | 'min' | 'max';
  readonly field?: string | undefined;
  readonly op: '>' | '>=' | '<' | '<=';
  readonly threshold: number;
  readonly windowSec: number;
}

/** One firing of a rule: when it fired and when it resolved (null while it still fires). */
export interface AlertFiring {
  rule: string;
  node: string;
  firedAtMs: number;
  resolvedAtMs: number | null;
}

/** One second's share of a rule's window. */
interface Bucket {
  sec: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * An alert rule over a sliding window of whole seconds: each matching entry lands in its second's
 * bucket, and an evaluation aggregates the buckets of the last `windowSec` seconds (O(window) per
 * evaluation, O(1) per entry). The rule fires when `aggregate op threshold` becomes true and resolves
 * when it becomes false, as Prometheus alerting rules with no `for` delay.
 */
export class AlertRule {
  private readonly where: CompiledExpr | null;
  private readonly buckets: Bucket[];
  firing: AlertFiring | null = null;
  /** The aggregate at the last evaluation. */
  lastValue = 0;

  constructor(
    readonly spec: AlertRuleSpec,
    private readonly nodeId: string,
  ) {
    const w = spec.where === undefined ? null : compileExpression(spec.where);
    if (w && !w.ok) throw new RangeError(`alert ${spec.id}: ${w.message}`);
    this.where = w?.ok ? w.evaluate : null;
    this.buckets = Array.from({ length: spec.windowSec }, () => ({
      sec: -1,
      count: 0,
      sum: 0,
      min: Infinity,
      max: -Infinity,
    }));
  }

  /** Counts one entry seen at `nowMs`, if it matches the rule's `where`. */
  observe(scope: ExprScope, nowMs: number): void {
    if (this.where && !isTruthy(this.where(scope))) return;
    let value = 0;
    if (this.spec.aggregate !== 'count') {
      value = Number(scope(this.spec.field!));
      if (!Number.isFinite(value)) return;
    }
    const sec = Math.floor(nowMs / 1000);
    const b = this.buckets[sec % this.buckets.length]!;
    if (b.sec !== sec) {
      b.sec = sec;
      b.count = 0;
      b.sum = 0;
      b.min = Infinity;
      b.max = -Infinity;
    }
    b.count++;
    b.sum += value;
    if (value < b.min) b.min = value;
    if (value > b.max) b.max = value;
  }

  /** The aggregate over the last `windowSec` whole seconds before `nowMs`. */
  value(nowMs: number): number {
    const newest = Math.ceil(nowMs / 1000) - 1;
    const oldest = newest - this.spec.windowSec + 1;
    let count = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const b of this.buckets) {
      if (b.sec < oldest || b.sec > newest) continue;
      count += b.count;
      sum += b.sum;
      if (b.min < min) min = b.min;
      if (b.max > max) max = b.max;
    }
    switch (this.spec.aggregate) {
      case 'count':
        return count;
      case 'sum':
        return sum;
      case 'avg':
        return count > 0 ? sum / count : 0;
      case 'min':
        return count > 0 ? min : 0;
      case 'max':
        return count > 0 ? max : 0;
    }
  }

  /**
   * Evaluates the rule at `nowMs` (a whole second): returns 'fired' or 'resolved' when its state
   * changed, else null. The finished firing is returned through `done`.
   */
  evaluate(nowMs: number, done: (firing: AlertFiring) => void): 'fired' | 'resolved' | null {
    const v = this.value(nowMs);
    this.lastValue = v;
    const { op, threshold } = this.spec;
    const on =
      op === '>' ? v > threshold : op === '>=' ? v >= threshold : op === '<' ? v < threshold : v <= threshold;
    if (on && !this.firing) {
      this.firing = { rule: this.spec.id, node: this.nodeId, firedAtMs: nowMs, resolvedAtMs: null };
      return 'fired';
    }
    if (!on && this.firing) {
      this.firing.resolvedAtMs = nowMs;
      done(this.firing);
      this.firing = null;
      return 'resolved';
    }
    return null;
  }
}

type LevelCounts = Record<LogLevel, number>;
const zero = (): LevelCounts => ({ debug: 0, info: 0, warn: 0, error: 0 });

/** Log-based metrics: entries by level and by service and level, over the run and per tumbling window. */
export interface LogMetricsSummary {
  windowSec: number;
  byLevel: LevelCounts;
  byService: Record<string, LevelCounts>;
  /** The most entries of each level seen in one window. */
  peakPerWindow: LevelCounts;
}

/** Counts entries by level and service, per run and per tumbling window of `windowSec`. */
export class LogMetrics {
  private readonly byLevel = zero();
  private readonly byService = new Map<string, LevelCounts>();
  private readonly peak = zero();
  private window = -1;
  private current = zero();

  constructor(private readonly windowSec: number) {}

  observe(service: string, level: LogLevel, nowMs: number): void {
    const w = Math.floor(nowMs / (this.windowSec * 1000));
    if (w !== this.window) {
      this.window = w;
      this.current = zero();
    }
    this.byLevel[level]++;
    let s = this.byService.get(service);
    if (!s) {
      s = zero();
      this.byService.set(service, s);
    }
    s[level]++;
    if (++this.current[level] > this.peak[level]) this.peak[level] = this.current[level];
  }

  summary(): LogMetricsSummary {
    const byService: Record<string, LevelCounts> = Object.create(null);
    for (const name of [...this.byService.keys()].sort()) byService[name] = { ...this.byService.get(name)! };
    const ordered = (c: LevelCounts): LevelCounts =>
      Object.fromEntries(logLevels.map((l) => [l, c[l]])) as LevelCounts;
    return {
      windowSec: this.windowSec,
      byLevel: ordered(this.byLevel),
      byService,
      peakPerWindow: ordered(this.peak),
    };
  }
}
