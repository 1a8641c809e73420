/** A set that remembers at most `capacity` values, forgetting the oldest first. */
export class BoundedSet {
  private readonly values = new Set<string>();
  private readonly order: string[] = [];
  private head = 0;

  constructor(private readonly capacity: number) {}

  has(value: string): boolean {
    return this.values.has(value);
  }

  /** Adds a value; false when it was there already. */
  add(value: string): boolean {
    if (this.values.has(value)) return false;
    this.values.add(value);
    this.order.push(value);
    if (this.values.size > this.capacity) this.values.delete(this.order[this.head++]!);
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
    return true;
  }
}
