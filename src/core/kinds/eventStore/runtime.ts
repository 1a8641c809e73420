import { EventStoreRuntime, type EventStoreSummary } from '../../components/runtimes/eventStoreRuntime';
import type { KindRuntime } from '../kindRuntime';

/** An event store's summary section: events, streams, appends, conflicts, snapshots, retention. */
export type EventStoreSection = { eventStore: EventStoreSummary };

/** An event store appends events to streams with expected versions and snapshots them. */
export const eventStoreRuntime: KindRuntime<'eventStore', EventStoreSection> = {
  create: (world, node) => new EventStoreRuntime(world, node),
};
