/** One message kept in a partition log. */
export interface LogMessage<T> {
  /** Offset within the partition, 0-based and never reused. */
  readonly offset: number;
  readonly key: string | undefined;
  readonly payload: T;
  readonly publishedAtMs: number;
}

/**
 * An append-only partition log whose head can be trimmed: offsets keep growing while memory holds
 * only the retained window [startOffset, endOffset).
 */
export class PartitionLog<T> {
  private items: LogMessage<T>[] = [];
  private head = 0;
  private base = 0;

  /** Offset of the oldest retained message (= endOffset when empty). */
  get startOffset(): number {
    return this.base;
  }

  /** Offset the next appended message receives (the log end). */
  get endOffset(): number {
    return this.base + this.items.length - this.head;
  }

  /** Messages currently retained in memory. */
  get retained(): number {
    return this.items.length - this.head;
  }

  /** Appends a message and returns it with its offset. */
  append(key: string | undefined, payload: T, publishedAtMs: number): LogMessage<T> {
    const message: LogMessage<T> = { offset: this.endOffset, key, payload, publishedAtMs };
    this.items.push(message);
    return message;
  }

  /** The retained message at `offset`, or undefined if trimmed or not yet written. */
  at(offset: number): LogMessage<T> | undefined {
    if (offset < this.base) return undefined;
    return this.items[this.head + offset - this.base];
  }

  /** Drops every message below `offset`; amortised O(1) per dropped message. */
  trimTo(offset: number): void {
    const target = Math.min(offset, this.endOffset);
    if (target <= this.base) return;
    const end = this.head + target - this.base;
    // Let go of the trimmed messages now, not at the next compaction: a message is trimmed moments
    // after every group acknowledged it, so it dies young instead of being copied into the old
    // generation with its payload (NOTE: the dead prefix held up to a thousand messages a partition).
    for (let i = this.head; i < end; i++) this.items[i] = undefined as unknown as LogMessage<T>;
    this.head = end;
    this.base = target;
    // Compact once the dead prefix dominates, so the array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
