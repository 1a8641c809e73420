import { z } from 'zod';
import { atLeastOne, constantMs, distributionSchema, nonNegative } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

/** The most entries one log store keeps (about 128 bytes each). */
const MAX_LOG_ENTRIES = 1_000_000;

export const logStoreConfigSchema = z
  .object({
    capacity: atLeastOne
      .max(MAX_LOG_ENTRIES)
      .describe('At most 1,000,000 entries (about 128 bytes each).')
      .default(100_000),
    /** Entries older than this (behind the newest entry) expire, like a hot tier's retention; 0 keeps them until capacity drops them. */
    retentionSec: nonNegative.default(300),
    queryLatencyMs: distributionSchema.default(constantMs(5)),
  })
  .strict();

/** A log store: one shard of the distributed log, with capacity, retention and time-range queries. */
export const logStoreDocument = {
  name: 'log store',
  config: logStoreConfigSchema,
  links: {},
  sendsOnly: 'log stores only receive entries from a log router',
} satisfies KindDocument;
