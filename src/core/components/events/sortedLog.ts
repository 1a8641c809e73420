import type { StoredLogEntry } from './logTypes';

/**
 * Entries sorted by (timeMs, seq) with O(1) removal of the oldest. Appends in time order are O(1);
 * a late entry is inserted at its binary-searched place.
 */
export class SortedLog {
  private items: StoredLogEntry[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  oldest(): StoredLogEntry | undefined {
    return this.items[this.head];
  }

  insert(entry: StoredLogEntry): void {
    const last = this.items[this.items.length - 1];
    if (
      this.size === 0 ||
      !last ||
      last.timeMs < entry.timeMs ||
      (last.timeMs === entry.timeMs && last.seq < entry.seq)
    ) {
      this.items.push(entry);
      return;
    }
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.items[mid]!;
      if (m.timeMs < entry.timeMs || (m.timeMs === entry.timeMs && m.seq < entry.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, entry);
  }

  removeOldest(): StoredLogEntry | undefined {
    if (this.size === 0) return undefined;
    const entry = this.items[this.head]!;
    this.items[this.head++] = undefined as unknown as StoredLogEntry;
    // Compact once a quarter is dead, so a long-lived full store carries little slack.
    if (this.head > 1024 && this.head * 4 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return entry;
  }

  /**
   * Entries with startMs <= timeMs < endMs that pass `accept`, newest first, at most `limit`;
   * binary search finds the range, so the cost is O(log n + entries scanned).
   */
  newestInRange(
    startMs: number,
    endMs: number,
    limit: number,
    accept: (e: StoredLogEntry) => boolean,
  ): StoredLogEntry[] {
    const out: StoredLogEntry[] = [];
    const lo = this.lowerBound(startMs);
    for (let i = this.lowerBound(endMs) - 1; i >= lo && out.length < limit; i--) {
      const e = this.items[i]!;
      if (accept(e)) out.push(e);
    }
    return out;
  }

  /** First index whose time is >= timeMs. */
  private lowerBound(timeMs: number): number {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.timeMs < timeMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
