/**
 * An append-only log that keeps the newest `capacity` entries and counts every append, so a run
 * summary of an hour-long simulation stays small while still saying how many entries there were.
 */
export class BoundedLog<T> {
  private readonly items: T[] = [];
  private head = 0;
  /** Every entry ever appended, including those that fell out of the window. */
  total = 0;

  constructor(readonly capacity = 1000) {
    if (!(capacity >= 1)) throw new RangeError('BoundedLog capacity must be >= 1');
  }

  /** Appends one entry, dropping the oldest when full. */
  push(item: T): void {
    this.total++;
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    this.items[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
  }

  /** Number of entries currently kept. */
  get size(): number {
    return this.items.length;
  }

  /** The kept entries, oldest first (a copy). */
  toArray(): T[] {
    return this.items.slice(this.head).concat(this.items.slice(0, this.head));
  }

  /** The newest entry, if any. */
  last(): T | undefined {
    if (this.items.length === 0) return undefined;
    return this.items[(this.head + this.items.length - 1) % this.items.length];
  }
}
