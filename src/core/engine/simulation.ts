import { DOUBLE_ZERO } from './doubleFields';
/** A scheduled callback. `arg` lets hot paths avoid allocating a closure per event. */
export type EventFn<T = unknown> = (arg: T) => void;

const INITIAL_CAPACITY = 1024;

/**
 * The discrete-event engine: a virtual clock in milliseconds and an event queue ordered by
 * (time, seq), so events at the same time run in the order they were scheduled and every run is
 * deterministic. The API follows SimPy's Environment: `now`, `schedule`, `peek`, `step`,
 * `runUntil`; `runUntil` also takes an event budget so a caller can run in bounded slices.
 *
 * NOTE: the queue is a binary heap of (time, slot) pairs in typed arrays, with hole sifting; the
 * seq, callback and argument of an event live in a slot that never moves while the event waits,
 * so a sift moves two numbers instead of four values. Slots are recycled through a free list.
 * Most events schedule exactly one successor (a request's next hop), so the event just run stays at
 * the root until its callback returns: the first event it schedules takes the root and sifts down
 * once (a replace-top), instead of a remove from the root and an insert from the bottom. The order
 * of events is the heap's order of (time, seq), so this changes no result.
 * Written inline rather than as a generic heap: it is the hottest loop in the product.
 */
export class Simulation {
  /** Current virtual time in ms. */
  now = DOUBLE_ZERO;
  /** Events executed since creation. */
  eventsProcessed = 0;

  private heapTimes = new Float64Array(INITIAL_CAPACITY);
  private heapSlots = new Int32Array(INITIAL_CAPACITY);
  private slotSeqs = new Float64Array(INITIAL_CAPACITY);
  private slotFns: (EventFn<never> | undefined)[] = new Array(INITIAL_CAPACITY);
  private slotArgs: unknown[] = new Array(INITIAL_CAPACITY);
  private freeSlots = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private slotsUsed = 0;
  private count = 0;
  private nextSeq = 0;
  /** The root holds the event being run (already released): the next schedule replaces it. */
  private staleTop = false;

  /** Number of events waiting in the queue. */
  get pending(): number {
    return this.staleTop ? this.count - 1 : this.count;
  }

  /** Schedules `fn(arg)` after `delayMs` of virtual time (>= 0). */
  schedule<T>(delayMs: number, fn: EventFn<T>, arg: T): void {
    this.scheduleAt(this.now + delayMs, fn, arg);
  }

  /** Schedules `fn(arg)` at absolute virtual time `timeMs` (not before `now`). */
  scheduleAt<T>(timeMs: number, fn: EventFn<T>, arg: T): void {
    if (!(timeMs >= this.now)) throw pastTimeError(timeMs, this.now);
    // The stale root's slot is free already, so a replace-top needs no room.
    if (!this.staleTop && this.count === this.heapTimes.length) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.slotsUsed++;
    const seq = this.nextSeq++;
    const seqs = this.slotSeqs;
    seqs[slot] = seq;
    this.slotFns[slot] = fn as EventFn<never>;
    this.slotArgs[slot] = arg;
    const times = this.heapTimes;
    if (this.staleTop) {
      this.staleTop = false;
      times[0] = timeMs;
      this.siftDownRoot(slot, seq, this.count);
      return;
    }
    const last = this.count++;
    times[last] = timeMs;
    this.siftUp(slot, seq, last);
  }

  /**
   * Sifts the event of `slot` (with `seq`, its time already in entry `i`) up from entry `i`.
   *
   * NOTE: out of `scheduleAt`, which most events leave through the replace-top branch: the smaller
   * `scheduleAt` is, the more often V8 inlines it into the request path (its inlining budget counts
   * bytecode), where a call would pass the time as a new heap number.
   */
  private siftUp(slot: number, seq: number, i: number): void {
    const times = this.heapTimes;
    const slots = this.heapSlots;
    const seqs = this.slotSeqs;
    const t = times[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < t || (pt === t && seqs[slots[parent]!]! < seq)) break;
      times[i] = pt;
      slots[i] = slots[parent]!;
      i = parent;
    }
    times[i] = t;
    slots[i] = slot;
  }

  /** Time of the next event, or Infinity when the queue is empty. */
  peek(): number {
    this.settleTop();
    return this.count > 0 ? this.heapTimes[0]! : Number.POSITIVE_INFINITY;
  }

  /** Executes the next event. Returns false when there was none. */
  step(): boolean {
    if (this.count === 0) return false;
    this.runUntil(this.heapTimes[0]!, 1);
    return true;
  }

  /**
   * Executes events up to and including virtual time `untilMs`, or until `maxEvents` have run.
   * When the time bound is reached the clock is advanced to `untilMs`. Returns the number of
   * events executed.
   */
  runUntil(untilMs: number, maxEvents = Number.POSITIVE_INFINITY): number {
    this.settleTop();
    let executed = 0;
    while (this.count > 0 && this.heapTimes[0]! <= untilMs) {
      // NOTE: the budget returns from inside the loop. Tested after the loop, it was a comparison
      // that only optimized code ever reached (the loop is compiled during the first call), so
      // V8 had no type feedback for it and deoptimized runUntil at the end of every call.
      if (executed >= maxEvents) return executed;
      const slot = this.heapSlots[0]!;
      this.now = this.heapTimes[0]!;
      const fn = this.slotFns[slot] as EventFn<unknown>;
      const arg = this.slotArgs[slot];
      // Release the slot before the callback runs: the first event it schedules takes this slot
      // (the free list is a stack) and overwrites its function and argument.
      this.freeSlots[this.freeCount++] = slot;
      this.staleTop = true;
      this.eventsProcessed++;
      fn(arg);
      // Scheduled nothing: the root is removed now, and the slot lets go of its function and
      // argument. (A callback that throws leaves both to the next call.)
      if (this.staleTop) {
        this.staleTop = false;
        this.slotFns[slot] = undefined;
        this.slotArgs[slot] = undefined;
        this.removeTop();
      }
      executed++;
    }
    if (executed < maxEvents && untilMs > this.now && untilMs !== Number.POSITIVE_INFINITY)
      this.now = untilMs;
    return executed;
  }

  /** Removes the stale root, if any, before the queue is read from outside a callback. */
  private settleTop(): void {
    if (this.staleTop) {
      this.staleTop = false;
      this.removeTop();
    }
  }

  private removeTop(): void {
    const last = --this.count;
    if (last === 0) return;
    const slot = this.heapSlots[last]!;
    this.heapTimes[0] = this.heapTimes[last]!;
    this.siftDownRoot(slot, this.slotSeqs[slot]!, last);
  }

  /**
   * Sifts the event of `slot` (with `seq`, its time already in the root's entry) down from the root
   * of a heap of `size` entries.
   *
   * NOTE: the time is read from the heap, not passed: a call V8 does not inline passes a double as
   * a new heap number, and this one ran once per event.
   */
  private siftDownRoot(slot: number, seq: number, size: number): void {
    const times = this.heapTimes;
    const slots = this.heapSlots;
    const seqs = this.slotSeqs;
    const t = times[0]!;
    let i = 0;
    const half = size >> 1;
    while (i < half) {
      const left = 2 * i + 1;
      let child = left;
      if (left + 1 < size) {
        const lt = times[left]!;
        const rt = times[left + 1]!;
        // Which child comes first is a coin toss that a branch would mispredict half the time, so
        // the comparison is added as a number; only a tie (rare) takes a branch.
        child += Number(rt < lt);
        if (rt === lt && seqs[slots[left + 1]!]! < seqs[slots[left]!]!) child = left + 1;
      }
      const ct = times[child]!;
      if (t < ct || (t === ct && seq < seqs[slots[child]!]!)) break;
      times[i] = ct;
      slots[i] = slots[child]!;
      i = child;
    }
    times[i] = t;
    slots[i] = slot;
  }

  private grow(): void {
    const capacity = this.heapTimes.length * 2;
    this.heapTimes = copyInto(this.heapTimes, new Float64Array(capacity));
    this.heapSlots = copyInto(this.heapSlots, new Int32Array(capacity));
    this.slotSeqs = copyInto(this.slotSeqs, new Float64Array(capacity));
    this.freeSlots = copyInto(this.freeSlots, new Int32Array(capacity));
    this.slotFns.length = capacity;
    this.slotArgs.length = capacity;
  }
}

/**
 * The error of a schedule into the past, built out of line: the message's template would make
 * `scheduleAt` too big for V8 to inline into the request path's callers.
 */
function pastTimeError(timeMs: number, nowMs: number): RangeError {
  return new RangeError(`cannot schedule at ${timeMs} ms: it is before now (${nowMs} ms) or not a number`);
}

function copyInto<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
