/** A message that exhausted its deliveries for one consumer group. */
export interface DeadLetter<T> {
  readonly topic: string;
  readonly group: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | undefined;
  readonly payload: T;
  readonly deliveries: number;
  readonly deadLetteredAtMs: number;
}

/**
 * A bounded dead-letter queue: it keeps the newest `capacity` entries for inspection and counts
 * every entry ever added, so a long run cannot grow memory through poison messages.
 */
export class DeadLetterQueue<T> {
  private readonly ring: (DeadLetter<T> | undefined)[];
  private next = 0;
  /** Entries ever added. */
  total = 0;

  constructor(readonly capacity: number) {
    this.ring = new Array(Math.max(1, capacity));
  }

  add(entry: DeadLetter<T>): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.ring.length;
    this.total++;
  }

  /** Entries still kept, oldest first. */
  entries(): DeadLetter<T>[] {
    const out: DeadLetter<T>[] = [];
    for (let i = 0; i < this.ring.length; i++) {
      const e = this.ring[(this.next + i) % this.ring.length];
      if (e) out.push(e);
    }
    return out;
  }
}
