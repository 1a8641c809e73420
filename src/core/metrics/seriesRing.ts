/** A series as plain arrays, oldest point first. */
export interface SeriesData {
  atMs: number[];
  values: Record<string, number[]>;
}

/**
 * Per-second time series with a fixed capacity: a ring of typed arrays, one per field, so a run of any
 * length keeps the last `capacity` points in constant memory and appending is O(fields).
 */
export class SeriesRing {
  private readonly atMs: Float64Array;
  private readonly columns: Float64Array[];
  private next = 0;
  /** Points held (at most capacity). */
  length = 0;

  constructor(
    readonly fields: readonly string[],
    readonly capacity = 600,
  ) {
    this.atMs = new Float64Array(capacity);
    this.columns = fields.map(() => new Float64Array(capacity));
  }

  /** Starts a new point at `atMs`, overwriting the oldest when full; fill it with set(). */
  push(atMs: number): void {
    this.atMs[this.next] = atMs;
    for (const column of this.columns) column[this.next] = 0;
    this.next = (this.next + 1) % this.capacity;
    if (this.length < this.capacity) this.length++;
  }

  /** Sets field number `field` of the newest point. */
  set(field: number, value: number): void {
    const at = (this.next - 1 + this.capacity) % this.capacity;
    this.columns[field]![at] = value;
  }

  /** Value of field `field` in the newest point, or 0 when empty. */
  latest(field: number): number {
    if (this.length === 0) return 0;
    return this.columns[field]![(this.next - 1 + this.capacity) % this.capacity]!;
  }

  /** Copies the series out as plain arrays, oldest first. */
  toData(): SeriesData {
    const start = (this.next - this.length + this.capacity) % this.capacity;
    const atMs: number[] = [];
    const values: Record<string, number[]> = {};
    for (const f of this.fields) values[f] = [];
    for (let k = 0; k < this.length; k++) {
      const i = (start + k) % this.capacity;
      atMs.push(this.atMs[i]!);
      this.fields.forEach((f, c) => {
        values[f]!.push(this.columns[c]![i]!);
      });
    }
    return { atMs, values };
  }
}
