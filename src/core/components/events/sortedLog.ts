import type { LogRows } from './logRows';

/**
 * Rows of a `LogRows` sorted by (time, seq) with O(1) removal of the oldest. Appends in time order
 * are O(1); a late entry is inserted at its binary-searched place. It holds row numbers, so a long
 * window is one array of small integers.
 */
export class SortedLog {
  private items: number[] = [];
  private head = 0;

  constructor(private readonly rows: LogRows) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** The oldest row, or -1 when empty. */
  oldest(): number {
    return this.size === 0 ? -1 : this.items[this.head]!;
  }

  insert(row: number): void {
    const rows = this.rows;
    const items = this.items;
    if (this.size === 0 || rows.before(items[items.length - 1]!, row)) {
      items.push(row);
      return;
    }
    let lo = this.head;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows.before(items[mid]!, row)) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, row);
  }

  /** Removes the oldest row and returns it, or -1 when empty. */
  removeOldest(): number {
    if (this.size === 0) return -1;
    const row = this.items[this.head++]!;
    // Compact once a quarter is dead, so a long-lived full store carries little slack.
    if (this.head > 1024 && this.head * 4 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return row;
  }

  /**
   * Rows with startMs <= timeMs < endMs that pass `accept`, newest first, at most `limit`;
   * binary search finds the range, so the cost is O(log n + rows scanned).
   */
  newestInRange(startMs: number, endMs: number, limit: number, accept: (row: number) => boolean): number[] {
    const out: number[] = [];
    const lo = this.lowerBound(startMs);
    for (let i = this.lowerBound(endMs) - 1; i >= lo && out.length < limit; i--) {
      const row = this.items[i]!;
      if (accept(row)) out.push(row);
    }
    return out;
  }

  /** First index whose time is >= timeMs. */
  private lowerBound(timeMs: number): number {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rows.timeMs(this.items[mid]!) < timeMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
