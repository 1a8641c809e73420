import { EventBusRuntime, type TopicSummary } from '../../components/runtimes/eventBusRuntime';
import type { RequestReplySummary } from '../../components/runtimes/requestReply';
import type { KindRuntime } from '../kindRuntime';

/**
 * A bus's summary section: per topic its counts and, per consumer group, its lag, deliveries and
 * end-to-end times; and its request/reply counts when requests go through it.
 */
export type EventBusSection = { topics: Record<string, TopicSummary>; requestReply?: RequestReplySummary };

/** An event bus delivers published events to its consumer groups, at least once, with a DLQ. */
export const eventBusRuntime: KindRuntime<'eventBus', EventBusSection> = {
  create: (world, node) => new EventBusRuntime(world, node),
};
