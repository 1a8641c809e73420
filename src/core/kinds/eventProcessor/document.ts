import { z } from 'zod';
import { atLeastOne, constantMs, distributionSchema, expressionSchema, id } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

const fieldName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
    'must be a name of letters, digits and _ (not starting with a digit)',
  );

/** A windowed aggregate: one output event per window (and group), when the window closes. */
const windowSchema = z
  .object({
    kind: z.enum(['tumbling', 'sliding']).default('tumbling'),
    sizeSec: atLeastOne.max(3600).default(60),
    /** How often a sliding window advances; `sizeSec` must be a multiple of it. */
    slideSec: atLeastOne.max(3600).optional(),
    aggregate: z.enum(['count', 'sum', 'min', 'max', 'avg']).default('count'),
    /** The field summed, averaged or compared (required but for count). */
    field: z.string().min(1).max(64).optional(),
    /** An expression whose value groups the events (one output per group and window); absent: one group. */
    groupBy: expressionSchema.optional(),
  })
  .strict()
  .refine((w) => w.aggregate === 'count' || w.field !== undefined, {
    message: 'sum, min, max and avg need the field they aggregate',
    path: ['field'],
  })
  .refine((w) => w.kind === 'tumbling' || (w.slideSec !== undefined && w.sizeSec % w.slideSec === 0), {
    message: 'a sliding window needs slideSec, and sizeSec must be a multiple of it',
    path: ['slideSec'],
  });

export const eventProcessorConfigSchema = z
  .object({
    /** Where events come from: a topic of a bus, consumed as one consumer group (absent: nothing). */
    source: z
      .object({ bus: id, topic: z.string().min(1), group: z.string().min(1) })
      .strict()
      .optional(),
    /** Where results go: a topic of a bus, the same or another (absent: events are handled, nothing published). */
    output: z
      .object({ bus: id, topic: z.string().min(1) })
      .strict()
      .optional(),
    /** Consumer instances (each takes one event at a time). */
    instances: atLeastOne.max(64).default(1),
    processingMs: distributionSchema.default(constantMs(1)),
    /** Events passed on: those for which it is true (absent: all). */
    filter: expressionSchema.optional(),
    /** Fields set on each passed event, in order. */
    map: z
      .array(z.object({ field: fieldName, value: expressionSchema }).strict())
      .max(20)
      .default([]),
    /** A windowed aggregate instead of one output event per input event. */
    window: windowSchema.optional(),
    /** Drop redelivered events already handled (by message id), so a redelivery does not publish twice. */
    dedupe: z.boolean().default(true),
  })
  .strict();

/**
 * A stream processor (the seed's `EventBus` event processor; Kafka Streams, Flink): consumes a topic in
 * a consumer group, filters, maps or aggregates over windows, and publishes to another topic.
 */
export const eventProcessorDocument = {
  name: 'event processor',
  config: eventProcessorConfigSchema,
  links: { eventBus: 'async' },
  sendsOnly: 'event processors only publish to event buses',
} satisfies KindDocument;
