import type { EventStore } from './eventStore';
import type { ConcurrencyConflict, NewEvent, RecordedEvent } from './storeTypes';

/**
 * How one aggregate type is rebuilt: an initial state and a pure fold. `apply` must not mutate its
 * input, because snapshots keep references to earlier states.
 */
export interface AggregateDefinition<S> {
  readonly type: string;
  initial(streamId: string): S;
  apply(state: S, event: RecordedEvent): S;
}

/** An aggregate's state at a stream version, and how it was obtained. */
interface LoadedAggregate<S> {
  readonly streamId: string;
  readonly state: S;
  /** Stream version the state reflects (0 = new stream). */
  readonly version: number;
  /** Version of the snapshot the rebuild started from (0 = none). */
  readonly snapshotVersion: number;
  /** Events folded after the snapshot. */
  readonly eventsApplied: number;
}

/** The rebuild needs events that were archived and no snapshot covers them. */
interface HistoryArchived {
  readonly kind: 'historyArchived';
  readonly streamId: string;
  readonly firstRetainedVersion: number;
}

/** A decision refused by the aggregate's own rules (not a concurrency problem). */
interface Rejected {
  readonly kind: 'rejected';
  readonly reason: string;
}

/** Load result: the aggregate, or why it cannot be rebuilt. */
export type LoadResult<S> =
  | { readonly ok: true; readonly aggregate: LoadedAggregate<S> }
  | { readonly ok: false; readonly error: HistoryArchived };

/** Command result: the events appended and the new state, or a typed failure. */
export type ExecuteResult<S> =
  | {
      readonly ok: true;
      readonly version: number;
      readonly events: readonly RecordedEvent[];
      readonly state: S;
    }
  | { readonly ok: false; readonly error: ConcurrencyConflict | HistoryArchived | Rejected };

/** A command's decision: the events to append, or a rejection. */
export type Decision = readonly NewEvent[] | { readonly rejected: string };

/** Rebuilds an aggregate from its latest snapshot plus the events after it. */
export function loadAggregate<S>(
  store: EventStore,
  def: AggregateDefinition<S>,
  streamId: string,
): LoadResult<S> {
  const snapshot = store.latestSnapshot<S>(streamId);
  const fromVersion = (snapshot?.version ?? 0) + 1;
  const firstRetained = store.firstRetainedVersion(streamId);
  if (firstRetained > fromVersion && fromVersion <= store.version(streamId)) {
    return { ok: false, error: { kind: 'historyArchived', streamId, firstRetainedVersion: firstRetained } };
  }
  let state = snapshot ? snapshot.state : def.initial(streamId);
  const events = store.readStream(streamId, fromVersion);
  for (const e of events) state = def.apply(state, e);
  return {
    ok: true,
    aggregate: {
      streamId,
      state,
      version: store.version(streamId),
      snapshotVersion: snapshot?.version ?? 0,
      eventsApplied: events.length,
    },
  };
}

/** Rebuilds an aggregate by folding its whole stream, ignoring snapshots (the reference for checks). */
export function replayAggregate<S>(store: EventStore, def: AggregateDefinition<S>, streamId: string): S {
  let state = def.initial(streamId);
  for (const e of store.readStream(streamId)) state = def.apply(state, e);
  return state;
}

/**
 * The command side of CQRS for one aggregate type: load, decide, append expecting the loaded revision, and
 * save a snapshot whenever the store says one is due.
 */
export class AggregateRepository<S> {
  constructor(
    readonly store: EventStore,
    readonly definition: AggregateDefinition<S>,
  ) {}

  load(streamId: string): LoadResult<S> {
    return loadAggregate(this.store, this.definition, streamId);
  }

  /**
   * The stream's state now: the fold this repository remembered after its last append when nothing
   * was appended since (the same state a rebuild gives, since `apply` is pure), else a rebuild.
   */
  private current(streamId: string): { state: S; version: number } | HistoryArchived {
    const version = this.store.version(streamId);
    const remembered = version > 0 ? (this.store.recall(streamId, this) as S | undefined) : undefined;
    if (remembered === undefined) {
      const loaded = this.load(streamId);
      return loaded.ok ? loaded.aggregate : loaded.error;
    }
    // A rebuild fails once events no snapshot covers were archived: so does a remembered state.
    const fromVersion = (this.store.latestSnapshot(streamId)?.version ?? 0) + 1;
    const firstRetainedVersion = this.store.firstRetainedVersion(streamId);
    if (firstRetainedVersion > fromVersion && fromVersion <= version)
      return { kind: 'historyArchived', streamId, firstRetainedVersion };
    return { state: remembered, version };
  }

  /** Lets go of the state remembered for a stream no command will touch again (see `EventStore.forgetRemembered`). */
  release(streamId: string): void {
    this.store.forgetRemembered(streamId, this);
  }

  /** Runs `decide` on the current state and appends its events; a concurrent writer yields a conflict. */
  execute(
    streamId: string,
    decide: (state: S, version: number) => Decision,
    nowMs: number,
  ): ExecuteResult<S> {
    const loaded = this.current(streamId);
    if ('kind' in loaded) return { ok: false, error: loaded };
    const { state, version } = loaded;
    const decision = decide(state, version);
    if ('rejected' in decision) return { ok: false, error: { kind: 'rejected', reason: decision.rejected } };
    // The store expects EventStoreDB revisions: the last event's number, one less than the count.
    const appended = this.store.append(streamId, decision, version === 0 ? 'noStream' : version - 1, nowMs);
    if (!appended.ok) return appended;
    let next = state;
    for (const e of appended.events) next = this.definition.apply(next, e);
    if (appended.snapshotDue) this.store.saveSnapshot(streamId, appended.version, next, nowMs);
    this.store.remember(streamId, this, appended.version, next);
    return { ok: true, version: appended.version, events: appended.events, state: next };
  }
}
