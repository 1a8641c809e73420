/**
 * What an append expects of the stream, as EventStoreDB counts it: `any` skips the check,
 * `noStream` (or the revision -1) requires that the stream has no events, `streamExists` that it
 * has one or more, and a revision n >= 0 that the stream's last event is number n. Event numbers
 * start at 0, so a stream with one event is at revision 0 and a stream with four at revision 3.
 */
export type ExpectedVersion = 'any' | 'noStream' | 'streamExists' | number;

/** An event as a command handler proposes it. */
export interface NewEvent<D = unknown> {
  readonly type: string;
  readonly data: D;
  /** Defaults to `streamId:version`, unique in the store. */
  readonly eventId?: string;
}

/** An event as stored: immutable, with its stream version, global position and record time. */
export interface RecordedEvent<D = unknown> {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: D;
  /** 1-based version within the stream. */
  readonly version: number;
  /** 1-based position in the whole store; 0 means "before the first event". */
  readonly position: number;
  /** Virtual time of the append; set once and never rewritten. */
  readonly recordedAtMs: number;
}

/** The typed optimistic-concurrency failure an append returns instead of throwing. */
export interface ConcurrencyConflict {
  readonly kind: 'wrongExpectedVersion';
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  /** The stream's revision: its last event number, -1 when it has no events. */
  readonly actual: number;
}

/** Result of an append: the new stream version and positions, or a concurrency conflict. */
export type AppendResult =
  | {
      readonly ok: true;
      readonly streamId: string;
      /** Stream version after the append. */
      readonly version: number;
      readonly events: readonly RecordedEvent[];
      /** True when this append crossed a multiple of `snapshotEvery`: the caller should save a snapshot. */
      readonly snapshotDue: boolean;
    }
  | { readonly ok: false; readonly error: ConcurrencyConflict };

/** Aggregate state saved at a stream version, so a rebuild can skip the events up to it. */
export interface Snapshot<S = unknown> {
  readonly streamId: string;
  readonly version: number;
  readonly state: S;
  readonly takenAtMs: number;
}

/** A live subscription to the store's global stream. */
export interface StoreSubscription {
  /** Last position handed to the handler (0 before the first). */
  readonly position: number;
  close(): void;
}
