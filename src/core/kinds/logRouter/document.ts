import { z } from 'zod';
import { positive } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

export const logRouterConfigSchema = z
  .object({
    strategy: z.enum(['serviceHash', 'roundRobin', 'time']).default('serviceHash'),
    timeBucketMs: positive.default(60_000),
  })
  .strict();

/** A log router: collects entries and shards them over log stores (service hash, round robin or time). */
export const logRouterDocument = {
  name: 'log router',
  config: logRouterConfigSchema,
  links: { logStore: 'log', logProcessor: 'log' },
  sendsOnly: 'log routers only ship entries to log stores and log processors',
} satisfies KindDocument;
