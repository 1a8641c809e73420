import type { EventStore } from './eventStore';
import { ReadModel } from './readModel';
import type { RecordedEvent } from './storeTypes';

/** How a projection turns events into read-model documents; `apply` must be deterministic. */
export interface ProjectionDefinition<D> {
  readonly name: string;
  apply(model: ReadModel<D>, event: RecordedEvent): void;
}

/** What `apply` did: applied, skipped as already seen, or refused because earlier positions are missing. */
export type ApplyOutcome = 'applied' | 'skipped' | 'gap';

/** How far a projection is behind its store, in positions and in virtual time. */
export interface ProjectionLag {
  readonly positions: number;
  /** nowMs minus the record time of the oldest unapplied event (0 when caught up). */
  readonly ms: number;
}

/**
 * A projection with a checkpoint (the last applied global position). Positions at or below the
 * checkpoint are skipped, so redelivered events are applied once; a position past checkpoint + 1 is
 * refused, so the read model never silently misses an event.
 */
export class Projection<D> {
  checkpoint = 0;
  applied = 0;
  skipped = 0;
  /** Positions passed over because the store had archived them before this projection read them. */
  missed = 0;

  constructor(
    readonly definition: ProjectionDefinition<D>,
    readonly model: ReadModel<D> = new ReadModel<D>(),
  ) {}

  /** Applies one event in position order; idempotent under redelivery. */
  apply(event: RecordedEvent): ApplyOutcome {
    if (event.position <= this.checkpoint) {
      this.skipped++;
      return 'skipped';
    }
    if (event.position !== this.checkpoint + 1) return 'gap';
    this.definition.apply(this.model, event);
    this.checkpoint = event.position;
    this.applied++;
    return 'applied';
  }

  /** Applies up to `max` events the store holds after the checkpoint; returns how many were applied. */
  catchUp(store: EventStore, max = Number.POSITIVE_INFINITY): number {
    const first = store.firstRetainedPosition;
    if (first > this.checkpoint + 1 && store.headPosition >= first) {
      this.missed += first - 1 - this.checkpoint;
      this.checkpoint = first - 1;
    }
    let n = 0;
    for (const e of store.readAll(this.checkpoint + 1, max)) if (this.apply(e) === 'applied') n++;
    return n;
  }

  /** Lag behind the store head: positions and the age of the oldest unapplied event. */
  lag(store: EventStore, nowMs: number): ProjectionLag {
    const positions = Math.max(0, store.headPosition - this.checkpoint);
    if (positions === 0) return { positions, ms: 0 };
    const oldest = store.eventAt(Math.max(this.checkpoint + 1, store.firstRetainedPosition));
    return { positions, ms: oldest ? Math.max(0, nowMs - oldest.recordedAtMs) : 0 };
  }

  /** True when every stored event has been applied. */
  caughtUp(store: EventStore): boolean {
    return this.checkpoint >= store.headPosition;
  }
}

/** Whether a read model matches a fresh replay of its store up to the projection's checkpoint. */
export type ReplayCheck =
  | { readonly status: 'equal' }
  | { readonly status: 'different'; readonly difference: string }
  | { readonly status: 'unverifiable'; readonly reason: string };

/**
 * Replays the store from position 1 to the projection's checkpoint into a fresh read model and
 * compares documents; a lagging projection is thus checked at the point it has reached.
 */
export function equalsReplay<D>(projection: Projection<D>, store: EventStore): ReplayCheck {
  if (projection.checkpoint > 0 && store.firstRetainedPosition > 1) {
    return {
      status: 'unverifiable',
      reason: `${store.archived} events were archived; a replay cannot start at 1`,
    };
  }
  const fresh = new Projection<D>(projection.definition, projection.model.emptyLike());
  for (const e of store.readAll(1, projection.checkpoint)) fresh.apply(e);
  const difference = projection.model.diff(fresh.model);
  return difference === undefined ? { status: 'equal' } : { status: 'different', difference };
}
