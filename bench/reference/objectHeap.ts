/** A callback run when its event fires. */
export type HeapEventFn<T = unknown> = (arg: T) => void;

interface HeapEvent {
  time: number;
  seq: number;
  fn: HeapEventFn<never>;
  arg: unknown;
}

/**
 * The plain reference an event queue is judged against: a textbook binary min-heap of one object
 * per event, ordered by (time, seq), with the same schedule/runUntil shape as the engine.
 */
export class ObjectHeapSimulation {
  now = 0;
  private readonly heap: HeapEvent[] = [];
  private nextSeq = 0;

  get pending(): number {
    return this.heap.length;
  }

  schedule<T>(delayMs: number, fn: HeapEventFn<T>, arg: T): void {
    const event: HeapEvent = { time: this.now + delayMs, seq: this.nextSeq++, fn, arg };
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!before(event, parent)) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = event;
  }

  /** Runs events up to `untilMs` or until `maxEvents` ran; returns how many ran. */
  runUntil(untilMs: number, maxEvents = Number.POSITIVE_INFINITY): number {
    let executed = 0;
    while (executed < maxEvents && this.heap.length > 0 && this.heap[0]!.time <= untilMs) {
      const event = this.pop();
      this.now = event.time;
      (event.fn as HeapEventFn<unknown>)(event.arg);
      executed++;
    }
    return executed;
  }

  private pop(): HeapEvent {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    const size = heap.length;
    if (size === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && before(heap[right]!, heap[child]!)) child = right;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: HeapEvent, b: HeapEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
