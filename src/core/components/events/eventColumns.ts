const INITIAL_CAPACITY = 1024;

/**
 * The events an event store keeps in memory, oldest first, one column per field in a ring that
 * doubles when full. NOTE: written for the garbage collector. A store keeps up to 100 000 events
 * for minutes of simulated time, so each one outlives the young generation and the scavenger
 * copies it once or twice before it settles; an event object (and the heap number of its record
 * time) per entry made the window about 200 000 objects to copy. Here an event is a slot in seven
 * arrays: the only objects it keeps alive are its stream's and its data, and readers get an object
 * made when they read.
 */
export class EventColumns<S> {
  private streams: (S | undefined)[] = new Array(INITIAL_CAPACITY);
  private types: (string | undefined)[] = new Array(INITIAL_CAPACITY);
  private data: unknown[] = new Array(INITIAL_CAPACITY);
  /** The id an append gave, if any (most events have none: their id is `streamId:version`). */
  private givenIds: (string | undefined)[] = new Array(INITIAL_CAPACITY);
  /**
   * Versions and links are whole numbers kept in plain arrays, not Float64Arrays: read from a
   * Float64Array a number comes back boxed as a heap number, and stored in a stream it turned the
   * stream's field into a boxed double (two heap numbers a stream for as long as it lives).
   */
  private versions: number[] = new Array(INITIAL_CAPACITY).fill(0);
  private times = new Float64Array(INITIAL_CAPACITY);
  /** Position of the next event of the same stream, 0 until there is one. */
  private nexts: number[] = new Array(INITIAL_CAPACITY).fill(0);
  /** Slot of the oldest event. */
  private head = 0;
  private count = 0;

  /** Events held. */
  get size(): number {
    return this.count;
  }

  /** Adds an event after the newest. */
  push(
    stream: S,
    type: string,
    data: unknown,
    givenId: string | undefined,
    version: number,
    timeMs: number,
  ): void {
    if (this.count === this.versions.length) this.grow();
    const slot = this.slot(this.count++);
    this.streams[slot] = stream;
    this.types[slot] = type;
    this.data[slot] = data;
    this.givenIds[slot] = givenId;
    this.versions[slot] = version;
    this.times[slot] = timeMs;
    this.nexts[slot] = 0;
  }

  /** Links the event `index` places after the oldest to its stream's next event, at `position`. */
  linkNext(index: number, position: number): void {
    this.nexts[this.slot(index)] = position;
  }

  /** Removes the oldest event (there must be one) and returns its stream. */
  shift(): S {
    const slot = this.head;
    const stream = this.streams[slot]!;
    // Let go of what the event held, so the window alone bounds what stays reachable.
    this.streams[slot] = undefined;
    this.types[slot] = undefined;
    this.data[slot] = undefined;
    this.givenIds[slot] = undefined;
    this.head = (slot + 1) % this.versions.length;
    this.count--;
    return stream;
  }

  /** The stream of the event `index` places after the oldest (0 = the oldest). */
  streamAt(index: number): S {
    return this.streams[this.slot(index)]!;
  }

  typeAt(index: number): string {
    return this.types[this.slot(index)]!;
  }

  dataAt(index: number): unknown {
    return this.data[this.slot(index)];
  }

  givenIdAt(index: number): string | undefined {
    return this.givenIds[this.slot(index)];
  }

  versionAt(index: number): number {
    return this.versions[this.slot(index)]!;
  }

  timeAt(index: number): number {
    return this.times[this.slot(index)]!;
  }

  /** Position of the next event of the same stream (0 when there is none yet). */
  nextAt(index: number): number {
    return this.nexts[this.slot(index)]!;
  }

  private slot(index: number): number {
    const slot = this.head + index;
    const capacity = this.versions.length;
    return slot < capacity ? slot : slot - capacity;
  }

  /** Doubles the ring, the oldest event moving to slot 0. */
  private grow(): void {
    const capacity = this.versions.length * 2;
    const streams: (S | undefined)[] = new Array(capacity);
    const types: (string | undefined)[] = new Array(capacity);
    const data: unknown[] = new Array(capacity);
    const givenIds: (string | undefined)[] = new Array(capacity);
    const versions: number[] = new Array(capacity).fill(0);
    const times = new Float64Array(capacity);
    const nexts: number[] = new Array(capacity).fill(0);
    for (let i = 0; i < this.count; i++) {
      const slot = this.slot(i);
      streams[i] = this.streams[slot];
      types[i] = this.types[slot];
      data[i] = this.data[slot];
      givenIds[i] = this.givenIds[slot];
      versions[i] = this.versions[slot]!;
      times[i] = this.times[slot]!;
      nexts[i] = this.nexts[slot]!;
    }
    this.streams = streams;
    this.types = types;
    this.data = data;
    this.givenIds = givenIds;
    this.versions = versions;
    this.times = times;
    this.nexts = nexts;
    this.head = 0;
  }
}
