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
import { StreamTable } from './streamTable';

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
  /** The streams' fields, by row; the indexes below map ids to rows. */
  private readonly table = new StreamTable();
  /** Rows of the streams with at least one event in memory, in creation order. */
  private readonly streams = new Map<string, number>();
  /** Rows of the streams whose events are all archived, oldest retirement first. */
  private readonly retired = new FifoMap<string, number>();
  /** The events in memory, oldest first (positions head - size + 1 to head), with their stream's row. */
  private readonly log = new EventColumns<number>();
  private head = 0;
  private subscribers: Subscriber[] = [];
  /** The stream `stream()` found last (-1: none), while it is still known. */
  private lastStreamId: string | undefined = undefined;
  private lastRow = -1;

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
    const row = this.stream(streamId);
    return row < 0 ? 0 : this.table.versions[row]!;
  }

  /** EventStoreDB's revision of a stream: the number of its last event (from 0), -1 if it has none. */
  revision(streamId: string): number {
    return this.version(streamId) - 1;
  }

  /** Global position of a stream's newest event, 0 if it does not exist (or was forgotten). */
  lastPosition(streamId: string): number {
    const row = this.stream(streamId);
    return row < 0 ? 0 : this.table.lastPositions[row]!;
  }

  /** Number of streams ever written. */
  get streamCount(): number {
    return this.created;
  }

  /** Ids of the streams that still have events in memory, in creation order. */
  streamIds(): IterableIterator<string> {
    return this.streams.keys();
  }

  /** The row of a stream, -1 when it is not known. */
  private stream(streamId: string): number {
    // A command asks for one stream about ten times (load, append, snapshot): the last one asked
    // for answers without the two map lookups, a missing one too (a new stream's first command asks
    // before its append creates it). A stream keeps its row when it retires or revives.
    if (streamId === this.lastStreamId) return this.lastRow;
    const row = this.streams.get(streamId) ?? this.retired.get(streamId) ?? -1;
    this.lastStreamId = streamId;
    this.lastRow = row;
    return row;
  }

  /** Appends events atomically if the stream is at the expected version. */
  append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
    nowMs: number,
  ): AppendResult {
    const t = this.table;
    const known = this.stream(streamId);
    const actual = (known < 0 ? 0 : t.versions[known]!) - 1;
    if (!matchesExpected(expected, actual))
      return { ok: false, error: { kind: 'wrongExpectedVersion', streamId, expected, actual } };
    if (events.length === 0) {
      const version = actual + 1;
      return { ok: true, streamId, version, events: [], snapshotDue: false };
    }
    let row = known;
    if (row < 0) {
      row = t.add(streamId);
      this.created++;
    } else if (t.live[row] === 0) this.retired.delete(streamId);
    if (t.live[row] === 0) {
      t.live[row] = 1;
      this.streams.set(streamId, row);
      this.lastStreamId = streamId;
      this.lastRow = row;
    }
    const recorded: RecordedEvent[] = [];
    const before = t.versions[row]!;
    for (const e of events) {
      const version = t.versions[row]! + 1;
      t.versions[row] = version;
      const position = this.head + 1;
      if (t.retained[row] === 0) t.firstPositions[row] = position;
      else this.log.linkNext(t.lastPositions[row]! - this.firstRetainedPosition, position);
      this.head = position;
      t.retained[row] = t.retained[row]! + 1;
      t.lastPositions[row] = position;
      this.log.push(row, e.type, e.data, e.eventId, version, nowMs);
      recorded.push(new StoredEvent(e.eventId, streamId, e.type, e.data, version, position, nowMs));
    }
    this.archiveOverflow();
    for (const sub of this.subscribers) this.feed(sub, recorded);
    const version = t.versions[row]!;
    const snapshotDue = Math.floor(version / this.snapshotEvery) > Math.floor(before / this.snapshotEvery);
    return { ok: true, streamId, version, events: recorded, snapshotDue };
  }

  /** Events of a stream from `fromVersion` (1-based, inclusive), at most `max`; archived ones are skipped. */
  readStream(streamId: string, fromVersion = 1, max = Number.POSITIVE_INFINITY): RecordedEvent[] {
    const row = this.stream(streamId);
    if (row < 0) return [];
    const t = this.table;
    const skip = Math.max(0, fromVersion - t.firstKeptVersion(row));
    const count = Math.min(t.retained[row]! - skip, max);
    const out: RecordedEvent[] = [];
    const first = this.firstRetainedPosition;
    let position = t.firstPositions[row]!;
    for (let i = 0; i < skip + count; i++) {
      if (i >= skip) out.push(this.eventAt(position)!);
      position = this.log.nextAt(position - first);
    }
    return out;
  }

  /** Version of a stream's oldest event still in memory (version + 1 when none is). */
  firstRetainedVersion(streamId: string): number {
    const row = this.stream(streamId);
    return row < 0 ? 1 : this.table.firstKeptVersion(row);
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
    return new StoredEvent(
      log.givenIdAt(i),
      this.table.ids[log.streamAt(i)]!,
      log.typeAt(i),
      log.dataAt(i),
      log.versionAt(i),
      position,
      log.timeAt(i),
    );
  }

  /** Saves aggregate state at a version it really has; a snapshot never moves backwards. */
  saveSnapshot<S>(streamId: string, version: number, state: S, nowMs: number): boolean {
    const row = this.stream(streamId);
    const t = this.table;
    if (row < 0 || version < 1 || version > t.versions[row]!) return false;
    const snapshot = t.snapshots[row];
    if (snapshot && snapshot.version >= version) return false;
    t.snapshots[row] = { streamId, version, state, takenAtMs: nowMs };
    return true;
  }

  /** The newest snapshot of a stream. */
  latestSnapshot<S>(streamId: string): Snapshot<S> | undefined {
    const row = this.stream(streamId);
    return row < 0 ? undefined : (this.table.snapshots[row] as Snapshot<S> | undefined);
  }

  /**
   * Keeps `state`, what `owner` folded from the whole stream up to `version`, beside the stream, so
   * the next command on it skips the rebuild. NOTE: a cache for the hot path (an order's saga
   * reloads its aggregate at each append); it is dropped when the stream retires.
   */
  remember(streamId: string, owner: object, version: number, state: unknown): void {
    const row = this.stream(streamId);
    const t = this.table;
    if (row < 0 || version !== t.versions[row]) return;
    t.memos[row] = state;
    t.memoOwners[row] = owner;
    t.memoVersions[row] = version;
  }

  /**
   * Drops what `owner` remembered of a stream it will not command again (a finished order): a
   * stream lives as long as its events, minutes, and the state with it would outlive the young
   * generation for nothing. A later command would rebuild the same state from the events.
   */
  forgetRemembered(streamId: string, owner: object): void {
    const row = this.stream(streamId);
    if (row >= 0 && this.table.memoOwners[row] === owner) this.table.forgetMemo(row);
  }

  /** What `owner` remembered of a stream, if it is still at the remembered version. */
  recall(streamId: string, owner: object): unknown {
    const row = this.stream(streamId);
    const t = this.table;
    return row >= 0 && t.memoOwners[row] === owner && t.memoVersions[row] === t.versions[row]
      ? t.memos[row]
      : undefined;
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
    const t = this.table;
    while (this.log.size > this.maxRetainedEvents) {
      const next = this.log.nextAt(0);
      const row = this.log.shift();
      const retained = t.retained[row]! - 1;
      t.retained[row] = retained;
      if (retained === 0) this.retire(row);
      else t.firstPositions[row] = next;
      this.archived++;
    }
  }

  /** Moves a stream with no event left in memory out of the live index, forgetting the oldest retired. */
  private retire(row: number): void {
    const t = this.table;
    const streamId = t.ids[row]!;
    t.live[row] = 0;
    t.forgetMemo(row);
    this.streams.delete(streamId);
    this.retired.set(streamId, row);
    if (this.retired.size > this.maxRetiredStreams) {
      const forgotten = this.retired.peek()!;
      t.release(this.retired.get(forgotten)!);
      this.retired.shift();
      if (forgotten === this.lastStreamId) this.lastStreamId = undefined;
      this.forgottenStreams++;
    }
  }
}
