import { z } from 'zod';
import { constantMs, distributionSchema, id } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

export const readModelConfigSchema = z
  .object({
    /** The event store this model projects. */
    source: id.optional(),
    projectionLatencyMs: distributionSchema.default(constantMs(5)),
    queryLatencyMs: distributionSchema.default(constantMs(1)),
  })
  .strict();

/** A read model: a projection of an event store, caught up from a checkpoint, answering queries. */
export const readModelDocument = {
  name: 'read model',
  config: readModelConfigSchema,
  links: {},
  sendsOnly: 'read models only answer queries',
} satisfies KindDocument;
