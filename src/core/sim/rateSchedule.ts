import type { WorkloadChange } from '../model/schema';

/**
 * A piecewise-linear rate over time (per second), built from an initial value and the scenario's
 * workload changes (steps and linear ramps). A change that arrives during a ramp starts from the
 * value reached so far. After the last breakpoint the rate stays constant.
 */
export class RateSchedule {
  /** Breakpoint times in ms, non-decreasing; equal neighbours mark a step. */
  readonly timesMs: number[] = [0];
  readonly values: number[];
  private cursor = 0;

  constructor(initial: number, changes: readonly { atMs: number; value: number; rampMs: number }[]) {
    this.values = [initial];
    const sorted = [...changes].sort((a, b) => a.atMs - b.atMs);
    for (const c of sorted) {
      const from = this.valueAt(c.atMs);
      // Drop breakpoints after the change: a newer change overrides an unfinished ramp.
      while (this.timesMs.length > 1 && this.timesMs[this.timesMs.length - 1]! > c.atMs) {
        this.timesMs.pop();
        this.values.pop();
      }
      this.timesMs.push(c.atMs);
      this.values.push(from);
      this.timesMs.push(c.atMs + c.rampMs);
      this.values.push(c.value);
    }
  }

  /** Builds the schedule of one numeric field of a node's workload changes. */
  static fromChanges(
    initial: number,
    nodeId: string,
    changes: readonly WorkloadChange[],
    field: 'ratePerSec' | 'users',
  ): RateSchedule {
    const mine = changes
      .filter((c) => c.nodeId === nodeId && c[field] !== undefined)
      .map((c) => ({ atMs: c.atSec * 1000, value: c[field]!, rampMs: c.rampSec * 1000 }));
    return new RateSchedule(initial, mine);
  }

  /** Rate at `tMs` (the later value at a step). */
  valueAt(tMs: number): number {
    const t = this.timesMs;
    const v = this.values;
    let i = t.length - 1;
    while (i > 0 && t[i]! > tMs) i--;
    const next = i + 1;
    if (next >= t.length || t[next]! === t[i]!) return v[i]!;
    return v[i]! + ((v[next]! - v[i]!) * (tMs - t[i]!)) / (t[next]! - t[i]!);
  }

  /**
   * The time after `fromMs` at which the integrated rate (events) reaches `amount`: the next
   * arrival of a Poisson process when `amount` is an Exp(1) draw, of a regular one when it is 1.
   * Calls must not go back in time (a cursor makes the lookup O(1) amortised). Infinity if never.
   */
  advance(fromMs: number, amount: number): number {
    const t = this.timesMs;
    const v = this.values;
    let now = fromMs;
    let left = amount;
    while (this.cursor + 1 < t.length && t[this.cursor + 1]! <= now) this.cursor++;
    for (;;) {
      const i = this.cursor;
      const hasNext = i + 1 < t.length;
      const endMs = hasNext ? t[i + 1]! : Number.POSITIVE_INFINITY;
      const rStart = this.rateOn(i, now);
      const slope = hasNext && endMs > t[i]! ? (v[i + 1]! - v[i]!) / (endMs - t[i]!) : 0;
      if (!hasNext) return rStart > 0 ? now + (left * 1000) / rStart : Number.POSITIVE_INFINITY;
      const span = endMs - now;
      const area = ((rStart + rStart + slope * span) / 2) * (span / 1000);
      if (area >= left && span > 0) {
        const target = left * 1000;
        let d: number;
        if (Math.abs(slope) < 1e-12) d = target / rStart;
        else d = (-rStart + Math.sqrt(Math.max(0, rStart * rStart + 2 * slope * target))) / slope;
        return now + Math.min(span, Math.max(0, d));
      }
      left -= area;
      now = endMs;
      this.cursor++;
    }
  }

  private rateOn(i: number, tMs: number): number {
    const t = this.timesMs;
    const v = this.values;
    if (i + 1 >= t.length || t[i + 1]! === t[i]!) return v[i]!;
    return v[i]! + ((v[i + 1]! - v[i]!) * (tMs - t[i]!)) / (t[i + 1]! - t[i]!);
  }
}
