import { z } from 'zod';
import { atLeastOne, constantMs, distributionSchema } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

export const eventStoreConfigSchema = z
  .object({
    appendLatencyMs: distributionSchema.default(constantMs(2)),
    snapshotEvery: atLeastOne.default(50),
  })
  .strict();

/** An event store: one stream per aggregate, appends with expected versions, snapshots. */
export const eventStoreDocument = {
  name: 'event store',
  config: eventStoreConfigSchema,
  links: { readModel: 'projection' },
  sendsOnly: 'event stores only feed projections into read models',
} satisfies KindDocument;
