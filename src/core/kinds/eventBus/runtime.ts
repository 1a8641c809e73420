import { EventBusRuntime, type TopicSummary } from '../../components/runtimes/eventBusRuntime';
import type { RequestReplySummary } from '../../components/runtimes/requestReply';
import type { KindRuntime } from '../kindRuntime';

/**
 * A bus's summary section: per topic its counts and, per consumer group, its lag, deliveries and
 * end-to-end times; its request/reply counts when requests go through it; `messages` once bus
 * faults lost, duplicated or held back a delivery.
 */
export type EventBusSection = {
  topics: Record<string, TopicSummary>;
  requestReply?: RequestReplySummary;
  messages?: { lost: number; duplicated: number; reordered: number };
};

/** An event bus delivers published events to its consumer groups, at least once, with a DLQ. */
export const eventBusRuntime: KindRuntime<'eventBus', EventBusSection> = {
  create: (world, node) => new EventBusRuntime(world, node),
};
