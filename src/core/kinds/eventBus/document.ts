import { z } from 'zod';
import { atLeastOne, constantMs, distributionSchema, nonNegative } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

export const eventBusConfigSchema = z
  .object({
    topics: z
      .array(
        z
          .object({
            name: z.string().min(1),
            partitions: atLeastOne.max(1024).default(3),
            maxDeliveries: atLeastOne.default(5),
          })
          .strict(),
      )
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
