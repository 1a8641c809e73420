import { CAUSE } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { LogStore } from '../events/logStore';
import type { StoredLogEntry } from '../events/logTypes';
import { SingleNodeRuntime } from './singleNode';

/**
 * A log entry on its way from a router to a store, with the router's global sequence number: the
 * very object the store keeps (so shipping an entry allocates it once).
 */
export type ShippedEntry = StoredLogEntry;

/** Entries travelling over router -> store edges, keyed by the request that carries them. */
export const shippedEntries = new WeakMap<NodeRequest, ShippedEntry>();

/**
 * A log store node: one shard of the distributed log, indexed by time, service and level and
 * bounded by `capacity` (the oldest entries are dropped and counted) and by `retentionSec`
 * (older entries expire, counted), so an hour-long run holds a steady window. It stores what its router ships; queries go through the run's
 * `queryLogs`.
 */
/** A log store's section of its summary entry. */
export interface LogStoreSummary {
  entries: number;
  appended: number;
  /** Entries dropped for capacity, plus entries lost on the way here. */
  dropped: number;
  expired: number;
}

export class LogStoreRuntime extends SingleNodeRuntime {
  readonly logStore: LogStore;

  constructor(world: World, node: NodeOfKind<'logStore'>) {
    super(world, node);
    const { capacity, retentionSec } = node.config;
    this.logStore = new LogStore(
      node.id,
      capacity,
      retentionSec > 0 ? retentionSec * 1000 : Number.POSITIVE_INFINITY,
    );
  }

  /** Entries lost on the way here (counted by the routers that shipped them). */
  lostInTransit = 0;

  /** Entries kept, at 128 bytes each with their time, service and level indexes (measured 126). */
  retainedBytes(): number {
    return this.logStore.size * 128;
  }

  /** Entries held, appended, dropped (capacity overflow plus entries lost on the way) and expired. */
  override summary(): { logStore: LogStoreSummary } {
    const s = this.logStore;
    return {
      logStore: {
        entries: s.size,
        appended: s.appended,
        dropped: s.dropped + this.lostInTransit,
        expired: s.expired,
      },
    };
  }

  handle(req: NodeRequest): void {
    this.accept(req);
    const shipped = shippedEntries.get(req);
    if (!shipped) {
      this.answer(req, 400, CAUSE.badRequest);
      return;
    }
    shippedEntries.delete(req);
    this.logStore.insert(shipped);
    this.answer(req, 200, CAUSE.none);
  }
}
