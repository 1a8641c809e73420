import { z } from 'zod';
import { atLeastOne, constantMs, distributionSchema, positive } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

export const eventStoreConfigSchema = z
  .object({
    appendLatencyMs: distributionSchema.default(constantMs(2)),
    snapshotEvery: atLeastOne.default(50),
    /** How often the outbox relay publishes waiting events (absent: 100 ms). */
    relayIntervalMs: positive.optional(),
  })
  .strict();

/** An event store: one stream per aggregate, appends with expected versions, snapshots. */
export const eventStoreDocument = {
  name: 'event store',
  config: eventStoreConfigSchema,
  links: { readModel: 'projection', eventBus: 'async' },
  sendsOnly: 'event stores only feed projections into read models and relay their outbox to event buses',
} satisfies KindDocument;
