import { z } from 'zod';
import { configValue, id, intervalMs } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

export const configServerConfigSchema = z
  .object({
    mode: z.enum(['push', 'poll']).default('poll'),
    pollIntervalMs: intervalMs.default(30_000),
    /** Initial keys per service node id. */
    keys: z.record(id, z.record(z.string().min(1), configValue)).default({}),
  })
  .strict();

/** A config server: per-service keys delivered by push or poll, changing behaviour from then on. */
export const configServerDocument = {
  name: 'config server',
  config: configServerConfigSchema,
  links: {},
  sendsOnly: 'config servers only answer services and gateways',
} satisfies KindDocument;
