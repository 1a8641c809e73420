import { DOUBLE_MINUS_ONE } from '../engine/doubleFields';
import type { Simulation } from '../engine/simulation';

/** What a deadline queue holds: an item with a deadline and intrusive list links. */
export interface Deadlined {
  deadlineMs: number;
  deadlinePrev: Deadlined | null;
  deadlineNext: Deadlined | null;
  deadlineQueue: DeadlineQueue<Deadlined> | null;
}

/**
 * Deadlines of one fixed timeout: with a constant timeout they expire in the order they were set,
 * so an intrusive FIFO list with one armed engine event replaces one heap event per call, and an item
 * that ends in time unlinks itself in O(1). Nothing keeps a finished call alive, which matters for
 * garbage collection when thousands of calls per second each carry a 15 s timeout.
 */
export class DeadlineQueue<T extends Deadlined> {
  private head: T | null = null;
  private tail: T | null = null;
  /** Time the armed event fires, or -1 when none is armed. */
  private armedAtMs = DOUBLE_MINUS_ONE;

  constructor(
    private readonly sim: Simulation,
    private readonly onExpire: (item: T) => void,
  ) {}

  /** Appends an item whose deadline is not earlier than any already queued. */
  push(item: T): void {
    item.deadlineQueue = this as unknown as DeadlineQueue<Deadlined>;
    item.deadlinePrev = this.tail;
    item.deadlineNext = null;
    if (this.tail) this.tail.deadlineNext = item;
    else this.head = item;
    this.tail = item;
    if (this.armedAtMs < 0) this.arm(item.deadlineMs);
  }

  /** Unlinks an item that ended before its deadline. */
  remove(item: T): void {
    const prev = item.deadlinePrev as T | null;
    const next = item.deadlineNext as T | null;
    if (prev) prev.deadlineNext = next;
    else this.head = next;
    if (next) next.deadlinePrev = prev;
    else this.tail = prev;
    item.deadlinePrev = null;
    item.deadlineNext = null;
    item.deadlineQueue = null;
  }

  /** Expires every due item and re-arms for the next one. */
  expireDue(): void {
    this.armedAtMs = -1;
    const now = this.sim.now;
    for (let head = this.head; head !== null; head = this.head) {
      if (head.deadlineMs > now) {
        this.arm(head.deadlineMs);
        return;
      }
      this.remove(head);
      this.onExpire(head);
    }
  }

  private arm(atMs: number): void {
    this.armedAtMs = atMs;
    this.sim.scheduleAt(atMs, fire, this as unknown as DeadlineQueue<Deadlined>);
  }
}

function fire(queue: DeadlineQueue<Deadlined>): void {
  queue.expireDue();
}
