/** How a window aggregates its events. */
type Aggregate = 'count' | 'sum' | 'min' | 'max' | 'avg';

/** One closed window's result for one group. */
export interface WindowResult {
  readonly group: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly count: number;
  readonly value: number;
}

interface Cell {
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * Windowed aggregation in processing time, as Kafka Streams' and Flink's tumbling and sliding
 * windows: events land in slices of `slideMs` (a tumbling window is one slice), and a window of
 * `sizeMs` (a whole number of slices) closes at every slice boundary, aggregating its slices per
 * group. Memory is the slices of one window per group; a group with no event in a window emits nothing.
 */
export class StreamWindows {
  private readonly slices: number;
  /** Per group: the cells of the last `slices` slices, by slice number modulo `slices`. */
  private readonly groups = new Map<string, { index: number[]; cells: Cell[] }>();

  constructor(
    readonly sizeMs: number,
    readonly slideMs: number,
    private readonly aggregate: Aggregate,
  ) {
    this.slices = Math.max(1, Math.round(sizeMs / slideMs));
  }

  /** The open groups' cells, at about 70 bytes a group and 125 a slice (measured in Node 20: 574 for four slices). */
  retainedBytes(): number {
    return this.groups.size * (70 + 125 * this.slices);
  }

  /** Adds an event at `nowMs` with its value (ignored by count) to its group. */
  add(group: string, value: number, nowMs: number): void {
    const slice = Math.floor(nowMs / this.slideMs);
    let g = this.groups.get(group);
    if (!g) {
      g = {
        index: Array.from({ length: this.slices }, () => -1),
        cells: Array.from({ length: this.slices }, () => ({
          count: 0,
          sum: 0,
          min: Infinity,
          max: -Infinity,
        })),
      };
      this.groups.set(group, g);
    }
    const at = slice % this.slices;
    const c = g.cells[at]!;
    if (g.index[at] !== slice) {
      g.index[at] = slice;
      c.count = 0;
      c.sum = 0;
      c.min = Infinity;
      c.max = -Infinity;
    }
    c.count++;
    c.sum += value;
    if (value < c.min) c.min = value;
    if (value > c.max) c.max = value;
  }

  /** The windows ending at `endMs` (a slice boundary), one per group that had events in them, by group. */
  close(endMs: number): WindowResult[] {
    const last = Math.round(endMs / this.slideMs) - 1;
    const first = last - this.slices + 1;
    const out: WindowResult[] = [];
    for (const name of [...this.groups.keys()].sort()) {
      const g = this.groups.get(name)!;
      let count = 0;
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      let newest = -1;
      g.cells.forEach((c, i) => {
        const slice = g.index[i]!;
        if (slice < first || slice > last) return;
        count += c.count;
        sum += c.sum;
        min = Math.min(min, c.min);
        max = Math.max(max, c.max);
        newest = Math.max(newest, slice);
      });
      if (newest < first) {
        // Nothing of this group is left in any window still to close.
        if (g.index.every((s) => s <= last)) this.groups.delete(name);
        continue;
      }
      if (count === 0) continue;
      out.push({
        group: name,
        startMs: endMs - this.sizeMs,
        endMs,
        count,
        value: this.valueOf(count, sum, min, max),
      });
    }
    return out;
  }

  private valueOf(count: number, sum: number, min: number, max: number): number {
    switch (this.aggregate) {
      case 'count':
        return count;
      case 'sum':
        return sum;
      case 'min':
        return min;
      case 'max':
        return max;
      case 'avg':
        return sum / count;
    }
  }
}
