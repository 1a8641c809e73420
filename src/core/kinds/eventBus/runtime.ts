import { EventBusRuntime, type TopicSummary } from '../../components/runtimes/eventBusRuntime';
import type { KindRuntime } from '../kindRuntime';

/** A bus's summary section: per topic its counts and, per consumer group, its lag and deliveries. */
export type EventBusSection = { topics: Record<string, TopicSummary> };

/** An event bus delivers published events to its consumer groups, at least once, with a DLQ. */
export const eventBusRuntime: KindRuntime<'eventBus', EventBusSection> = {
  create: (world, node) => new EventBusRuntime(world, node),
};
