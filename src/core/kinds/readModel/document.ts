import { z } from 'zod';
import { constantMs, distributionSchema, expressionSchema, id } from '../../model/fields';

const fieldName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a name of letters, digits and _');

/** A projection: an event type, and how it updates fields of its stream's document. */
const projectionSchema = z
  .object({
    event: z.string().min(1),
    updates: z
      .array(
        z
          .object({
            field: fieldName,
            op: z.enum(['set', 'increment', 'sum', 'append', 'remove']).default('set'),
            value: expressionSchema.optional(),
          })
          .strict()
          .refine((u) => u.op === 'increment' || u.value !== undefined, {
            message: 'set, sum, append and remove need a value',
            path: ['value'],
          }),
      )
      .min(1)
      .max(20),
  })
  .strict();

import type { KindDocument } from '../kindDocument';

export const readModelConfigSchema = z
  .object({
    /** The event store this model projects. */
    source: id.optional(),
    projectionLatencyMs: distributionSchema.default(constantMs(5)),
    queryLatencyMs: distributionSchema.default(constantMs(1)),
    /** Declared projections (absent: each stream's document records its version and last event). */
    projections: z.array(projectionSchema).max(50).optional(),
  })
  .strict();

/** A read model: a projection of an event store, caught up from a checkpoint, answering queries. */
export const readModelDocument = {
  name: 'read model',
  config: readModelConfigSchema,
  links: {},
  sendsOnly: 'read models only answer queries',
} satisfies KindDocument;
