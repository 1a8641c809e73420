import { FifoMap } from '../../sim/fifoMap';
import { EventColumns } from './eventColumns';
import type {
  AppendResult,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
  Snapshot,
  StoreSubscription,
} from './storeTypes';

/** Options of an event store node. */
export interface EventStoreOptions {
  /** A snapshot is due each time a stream's version crosses a multiple of this (>= 1). */
  readonly snapshotEvery?: number;
  /** Events kept in memory; older ones are archived (dropped, counted) to keep long runs flat. */
  readonly maxRetainedEvents?: number;
  /**
   * Streams whose every event was archived that the index still remembers (their version, last
   * position and snapshot), newest retired first out; older ones are forgotten, counted.
   */
  readonly maxRetiredStreams?: number;
}

interface Stream {
  readonly id: string;
  version: number;
  lastPosition: number;
  /**
   * Position of the stream's oldest event in memory; each event links to the stream's next one
   * (`EventColumns.nextAt`), so a stream keeps no list of its own.
   */
  firstPosition: number;
  /** Events of the stream in memory. */
  retained: number;
  snapshot: Snapshot | undefined;
  /** Whether the stream is in the live index (it has events in memory), not the retired one. */
  live: boolean;
  /** A fold of the whole stream a reader left (see `remember`), its owner and version. */
  memo: unknown;
  memoOwner: object | undefined;
  memoVersion: number;
}

/**
 * A recorded event as a reader gets it, made from the store's columns when read (the store keeps
 * no object per event: see `EventColumns`). NOTE: its default id (`streamId:version`) is built only
 * when read: nothing on the simulation's path reads it, and building one string per append was a
 * measurable share of the e-commerce template's appends.
 */
class StoredEvent implements RecordedEvent {
  constructor(
    private readonly givenId: string | undefined,
    readonly streamId: string,
    readonly type: string,
    readonly data: unknown,
    readonly version: number,
    readonly position: number,
    readonly recordedAtMs: number,
  ) {}

  get eventId(): string {
    return this.givenId ?? `${this.streamId}:${this.version}`;
  }
}

interface Subscriber {
  position: number;
  closed: boolean;
  readonly handler: (event: RecordedEvent) => void;
}

/** Whether a stream at `revision` (-1 = no events) satisfies an append's expectation. */
function matchesExpected(expected: ExpectedVersion, revision: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'noStream') return revision < 0;
  if (expected === 'streamExists') return revision >= 0;
  return expected === revision;
}

/**
 * An append-only event store: one stream per aggregate, optimistic concurrency on append
 * (`ExpectedVersion`), a global position for every event, snapshots, and subscriptions from a
 * position for projections. Conflicts are returned, never thrown.
 */
export class EventStore {
  readonly snapshotEvery: number;
  readonly maxRetainedEvents: number;
  readonly maxRetiredStreams: number;
  /** Events dropped from memory by `maxRetainedEvents`. */
  archived = 0;
  /**
   * Retired streams dropped from the index by `maxRetiredStreams`: like a stream deleted after its
   * history aged out, a later append to the same id would start it anew, so ids must not be reused
   * (order ids never are).
   */
  forgottenStreams = 0;
  /** Streams ever created. */
  private created = 0;
  /** Streams with at least one event in memory, in creation order. */
  private readonly streams = new Map<string, Stream>();
  /** Streams whose events are all archived, oldest retirement first. */
  private readonly retired = new FifoMap<string, Stream>();
  /** The events in memory, oldest first: positions head - size + 1 to head. */
  private readonly log = new EventColumns<Stream>();
  private head = 0;
  private subscribers: Subscriber[] = [];
  /** The stream `stream()` found last, while it is still known. */
  private lastStreamId: string | undefined = undefined;
  private lastStream: Stream | undefined = undefined;

  constructor(options: EventStoreOptions = {}) {
    this.snapshotEvery = Math.max(1, options.snapshotEvery ?? 50);
    this.maxRetainedEvents = Math.max(1, options.maxRetainedEvents ?? Number.POSITIVE_INFINITY);
    this.maxRetiredStreams = Math.max(0, options.maxRetiredStreams ?? Number.POSITIVE_INFINITY);
  }

  /** Global position of the newest event (0 when empty). */
  get headPosition(): number {
    return this.head;
  }

  /** Position of the oldest event still in memory (headPosition + 1 when empty). */
  get firstRetainedPosition(): number {
    return this.head - this.log.size + 1;
  }

  /** Current version of a stream: its event count, 0 if it does not exist (its revision + 1). */
  version(streamId: string): number {
    return this.stream(streamId)?.version ?? 0;
  }

  /** EventStoreDB's revision of a stream: the number of its last event (from 0), -1 if it has none. */
  revision(streamId: string): number {
    return this.version(streamId) - 1;
  }

  /** Global position of a stream's newest event, 0 if it does not exist (or was forgotten). */
  lastPosition(streamId: string): number {
    return this.stream(streamId)?.lastPosition ?? 0;
  }

  /** Number of streams ever written. */
  get streamCount(): number {
    return this.created;
  }

  /** Ids of the streams that still have events in memory, in creation order. */
  streamIds(): IterableIterator<string> {
    return this.streams.keys();
  }

  private stream(streamId: string): Stream | undefined {
    // A command asks for one stream about ten times (load, append, snapshot): the last one asked
    // for answers without the two map lookups, a missing one too (a new stream's first command asks
    // before its append creates it). A stream keeps its object when it retires or revives.
    if (streamId === this.lastStreamId) return this.lastStream;
    const s = this.streams.get(streamId) ?? this.retired.get(streamId);
    this.lastStreamId = streamId;
    this.lastStream = s;
    return s;
  }

  /** Appends events atomically if the stream is at the expected version. */
  append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
    nowMs: number,
  ): AppendResult {
    const stream = this.stream(streamId);
    const actual = (stream?.version ?? 0) - 1;
    if (!matchesExpected(expected, actual))
      return { ok: false, error: { kind: 'wrongExpectedVersion', streamId, expected, actual } };
    const s: Stream = stream ?? {
      id: streamId,
      version: 0,
      lastPosition: 0,
      firstPosition: 0,
      retained: 0,
      snapshot: undefined,
      live: false,
      memo: undefined,
      memoOwner: undefined,
      memoVersion: 0,
    };
    if (events.length > 0 && !s.live) {
      if (stream) {
        this.retired.delete(streamId);
      } else this.created++;
      s.live = true;
      this.streams.set(streamId, s);
      this.lastStreamId = streamId;
      this.lastStream = s;
    }
    const recorded: RecordedEvent[] = [];
    const before = s.version;
    for (const e of events) {
      const version = ++s.version;
      const position = this.head + 1;
      if (s.retained === 0) s.firstPosition = position;
      else this.log.linkNext(s.lastPosition - this.firstRetainedPosition, position);
      this.head = position;
      s.retained++;
      s.lastPosition = position;
      this.log.push(s, e.type, e.data, e.eventId, version, nowMs);
      recorded.push(new StoredEvent(e.eventId, streamId, e.type, e.data, version, position, nowMs));
    }
    this.archiveOverflow();
    for (const sub of this.subscribers) this.feed(sub, recorded);
    const snapshotDue = Math.floor(s.version / this.snapshotEvery) > Math.floor(before / this.snapshotEvery);
    return { ok: true, streamId, version: s.version, events: recorded, snapshotDue };
  }

  /** Events of a stream from `fromVersion` (1-based, inclusive), at most `max`; archived ones are skipped. */
  readStream(streamId: string, fromVersion = 1, max = Number.POSITIVE_INFINITY): RecordedEvent[] {
    const s = this.stream(streamId);
    if (!s) return [];
    const skip = Math.max(0, fromVersion - firstKeptVersion(s));
    const count = Math.min(s.retained - skip, max);
    const out: RecordedEvent[] = [];
    const first = this.firstRetainedPosition;
    let position = s.firstPosition;
    for (let i = 0; i < skip + count; i++) {
      if (i >= skip) out.push(this.eventAt(position)!);
      position = this.log.nextAt(position - first);
    }
    return out;
  }

  /** Version of a stream's oldest event still in memory (version + 1 when none is). */
  firstRetainedVersion(streamId: string): number {
    const s = this.stream(streamId);
    return s ? firstKeptVersion(s) : 1;
  }

  /** Events of all streams from global position `fromPosition` (inclusive), at most `max`. */
  readAll(fromPosition = 1, max = Number.POSITIVE_INFINITY): RecordedEvent[] {
    const from = Math.max(fromPosition, this.firstRetainedPosition);
    const to = Math.min(this.head, from + Math.min(max, this.log.size) - 1);
    const out: RecordedEvent[] = [];
    for (let p = from; p <= to; p++) out.push(this.eventAt(p)!);
    return out;
  }

  /** The event at a global position, if it is still in memory. */
  eventAt(position: number): RecordedEvent | undefined {
    const first = this.firstRetainedPosition;
    if (!(position >= first && position <= this.head)) return undefined;
    const i = position - first;
    const log = this.log;
    const s = log.streamAt(i);
    return new StoredEvent(
      log.givenIdAt(i),
      s.id,
      log.typeAt(i),
      log.dataAt(i),
      log.versionAt(i),
      position,
      log.timeAt(i),
    );
  }

  /** Saves aggregate state at a version it really has; a snapshot never moves backwards. */
  saveSnapshot<S>(streamId: string, version: number, state: S, nowMs: number): boolean {
    const s = this.stream(streamId);
    if (!s || version < 1 || version > s.version) return false;
    if (s.snapshot && s.snapshot.version >= version) return false;
    s.snapshot = { streamId, version, state, takenAtMs: nowMs };
    return true;
  }

  /** The newest snapshot of a stream. */
  latestSnapshot<S>(streamId: string): Snapshot<S> | undefined {
    return this.stream(streamId)?.snapshot as Snapshot<S> | undefined;
  }

  /**
   * Keeps `state`, what `owner` folded from the whole stream up to `version`, beside the stream, so
   * the next command on it skips the rebuild. NOTE: a cache for the hot path (an order's saga
   * reloads its aggregate at each append); it is dropped when the stream retires.
   */
  remember(streamId: string, owner: object, version: number, state: unknown): void {
    const s = this.stream(streamId);
    if (!s || version !== s.version) return;
    s.memo = state;
    s.memoOwner = owner;
    s.memoVersion = version;
  }

  /**
   * Drops what `owner` remembered of a stream it will not command again (a finished order): a
   * stream lives as long as its events, minutes, and the state with it would outlive the young
   * generation for nothing. A later command would rebuild the same state from the events.
   */
  forgetRemembered(streamId: string, owner: object): void {
    const s = this.stream(streamId);
    if (s === undefined || s.memoOwner !== owner) return;
    s.memo = undefined;
    s.memoOwner = undefined;
  }

  /** What `owner` remembered of a stream, if it is still at the remembered version. */
  recall(streamId: string, owner: object): unknown {
    const s = this.stream(streamId);
    return s !== undefined && s.memoOwner === owner && s.memoVersion === s.version ? s.memo : undefined;
  }

  /**
   * Calls `handler` with every event from `fromPosition` on: first those already stored, then each
   * new one as it is appended, in position order.
   */
  subscribe(fromPosition: number, handler: (event: RecordedEvent) => void): StoreSubscription {
    const sub: Subscriber = { position: Math.max(0, fromPosition - 1), closed: false, handler };
    this.subscribers.push(sub);
    this.feed(sub);
    return {
      get position() {
        return sub.position;
      },
      close: () => {
        sub.closed = true;
        this.subscribers = this.subscribers.filter((x) => x !== sub);
      },
    };
  }

  /** Hands `sub` the events after its position; those just `appended` as the append returned them. */
  private feed(sub: Subscriber, appended: readonly RecordedEvent[] = []): void {
    const firstAppended = this.head - appended.length + 1;
    while (!sub.closed && sub.position < this.head) {
      const next = Math.max(sub.position + 1, this.firstRetainedPosition);
      sub.position = next;
      sub.handler(next >= firstAppended ? appended[next - firstAppended]! : this.eventAt(next)!);
    }
  }

  private archiveOverflow(): void {
    while (this.log.size > this.maxRetainedEvents) {
      const next = this.log.nextAt(0);
      const s = this.log.shift();
      if (--s.retained === 0) this.retire(s.id, s);
      else s.firstPosition = next;
      this.archived++;
    }
  }

  /** Moves a stream with no event left in memory out of the live index, forgetting the oldest retired. */
  private retire(streamId: string, s: Stream): void {
    s.live = false;
    s.memo = undefined;
    s.memoOwner = undefined;
    this.streams.delete(streamId);
    this.retired.set(streamId, s);
    if (this.retired.size > this.maxRetiredStreams) {
      if (this.retired.shift() === this.lastStreamId) this.lastStreamId = undefined;
      this.forgottenStreams++;
    }
  }
}

/** Version of a stream's oldest event in memory (version + 1 when none is): its versions are consecutive. */
function firstKeptVersion(s: Stream): number {
  return s.version - s.retained + 1;
}
