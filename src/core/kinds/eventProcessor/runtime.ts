import {
  EventProcessorRuntime,
  type EventProcessorSummary,
} from '../../components/runtimes/eventProcessorRuntime';
import type { KindRuntime } from '../kindRuntime';

/** An event processor's summary section: what it consumed, filtered, published and deduplicated. */
export type EventProcessorSection = { eventProcessor: EventProcessorSummary };

/** An event processor consumes a topic, filters, maps or windows the events, and publishes the results. */
export const eventProcessorRuntime: KindRuntime<'eventProcessor', EventProcessorSection> = {
  create: (world, node) => new EventProcessorRuntime(world, node),
};
