import { z } from 'zod';
import { atLeastOne, constantMs, distributionSchema, nonNegative } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

/** The most delivery attempts of one event: beyond it, redelivery only spins before the dead-letter queue. */
const MAX_DELIVERIES = 100;
/** The most topics a bus declares (each keeps its partitions' logs from the start). */
const MAX_TOPICS = 100;

export const eventBusConfigSchema = z
  .object({
    topics: z
      .array(
        z
          .object({
            name: z.string().min(1),
            partitions: atLeastOne.max(1024).default(3),
            maxDeliveries: atLeastOne
              .max(MAX_DELIVERIES)
              .describe('At most 100: past it redelivery only spins before the dead-letter queue.')
              .default(5),
          })
          .strict(),
      )
      .max(MAX_TOPICS)
      .describe("At most 100 topics: each keeps its partitions' logs from the start.")
      .default([]),
    deliveryLatencyMs: distributionSchema.default(constantMs(2)),
    /** Redelivery delay after a failed or unacknowledged delivery. */
    redeliveryDelayMs: nonNegative.default(1000),
  })
  .strict();

/** An event bus: topics, keyed partitions, consumer groups, at-least-once delivery, a dead-letter queue. */
export const eventBusDocument = {
  name: 'event bus',
  config: eventBusConfigSchema,
  links: { service: 'async', eventProcessor: 'async' },
  sendsOnly: 'event buses only deliver events to subscribed services and event processors',
} satisfies KindDocument;
