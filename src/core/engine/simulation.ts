/** A scheduled callback. `arg` lets hot paths avoid allocating a closure per event. */
export type EventFn<T = unknown> = (arg: T) => void;

const INITIAL_CAPACITY = 1024;

/**
 * The discrete-event engine: a virtual clock in milliseconds and an event queue ordered by
 * (time, seq), so events at the same time run in the order they were scheduled and every run is
 * deterministic. The API follows SimPy's Environment: `now`, `schedule`, `peek`, `step`,
 * `runUntil`; `runUntil` also takes an event budget so a caller can run in bounded slices.
 *
 * NOTE: the queue is a binary heap over parallel arrays (typed arrays for the keys) with hole
 * sifting, written inline rather than as a generic heap: it is the hottest loop in the product.
 */
export class Simulation {
  /** Current virtual time in ms. */
  now = 0;
  /** Events executed since creation. */
  eventsProcessed = 0;

  private times = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private fns: EventFn<never>[] = new Array(INITIAL_CAPACITY);
  private args: unknown[] = new Array(INITIAL_CAPACITY);
  private count = 0;
  private nextSeq = 0;

  /** Number of events waiting in the queue. */
  get pending(): number {
    return this.count;
  }

  /** Schedules `fn(arg)` after `delayMs` of virtual time (>= 0). */
  schedule<T>(delayMs: number, fn: EventFn<T>, arg: T): void {
    this.scheduleAt(this.now + delayMs, fn, arg);
  }

  /** Schedules `fn(arg)` at absolute virtual time `timeMs` (not before `now`). */
  scheduleAt<T>(timeMs: number, fn: EventFn<T>, arg: T): void {
    if (!(timeMs >= this.now)) {
      throw new RangeError(
        `cannot schedule at ${timeMs} ms: it is before now (${this.now} ms) or not a number`,
      );
    }
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const seq = this.nextSeq++;
    // Sift the hole up from the end.
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < timeMs || (pt === timeMs && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      this.fns[i] = this.fns[parent]!;
      this.args[i] = this.args[parent];
      i = parent;
    }
    times[i] = timeMs;
    seqs[i] = seq;
    this.fns[i] = fn as EventFn<never>;
    this.args[i] = arg;
  }

  /** Time of the next event, or Infinity when the queue is empty. */
  peek(): number {
    return this.count > 0 ? this.times[0]! : Number.POSITIVE_INFINITY;
  }

  /** Executes the next event. Returns false when there was none. */
  step(): boolean {
    if (this.count === 0) return false;
    const fn = this.fns[0] as EventFn<unknown>;
    const arg = this.args[0];
    this.now = this.times[0]!;
    this.removeTop();
    this.eventsProcessed++;
    fn(arg);
    return true;
  }

  /**
   * Executes events up to and including virtual time `untilMs`, or until `maxEvents` have run.
   * When the time bound is reached the clock is advanced to `untilMs`. Returns the number of
   * events executed.
   */
  runUntil(untilMs: number, maxEvents = Number.POSITIVE_INFINITY): number {
    let executed = 0;
    while (executed < maxEvents && this.count > 0 && this.times[0]! <= untilMs) {
      // NOTE: inlined step() — the loop dominates engine throughput.
      const fn = this.fns[0] as EventFn<unknown>;
      const arg = this.args[0];
      this.now = this.times[0]!;
      this.removeTop();
      fn(arg);
      executed++;
    }
    this.eventsProcessed += executed;
    if (executed < maxEvents && untilMs > this.now && untilMs !== Number.POSITIVE_INFINITY)
      this.now = untilMs;
    return executed;
  }

  private removeTop(): void {
    const last = --this.count;
    const times = this.times;
    const seqs = this.seqs;
    const fns = this.fns;
    const args = this.args;
    if (last === 0) {
      fns[0] = undefined as never;
      args[0] = undefined;
      return;
    }
    const t = times[last]!;
    const s = seqs[last]!;
    const f = fns[last]!;
    const a = args[last];
    fns[last] = undefined as never;
    args[last] = undefined;
    // Sift the hole down from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let ct = times[child]!;
      let cs = seqs[child]!;
      const right = child + 1;
      if (right < last) {
        const rt = times[right]!;
        if (rt < ct || (rt === ct && seqs[right]! < cs)) {
          child = right;
          ct = rt;
          cs = seqs[right]!;
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      times[i] = ct;
      seqs[i] = cs;
      fns[i] = fns[child]!;
      args[i] = args[child];
      i = child;
    }
    times[i] = t;
    seqs[i] = s;
    fns[i] = f;
    args[i] = a;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.fns.length = capacity;
    this.args.length = capacity;
  }
}
