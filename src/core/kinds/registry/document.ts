import { z } from 'zod';
import { intervalMs } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

export const registryConfigSchema = z
  .object({
    heartbeatIntervalMs: intervalMs.default(30_000),
    leaseMs: intervalMs.default(90_000),
    evictionIntervalMs: intervalMs.default(60_000),
  })
  .strict();

/** A service registry: registration, heartbeats, lease expiry and eviction, discovery of healthy instances. */
export const registryDocument = {
  name: 'service registry',
  config: registryConfigSchema,
  links: {},
  sendsOnly: 'service registries only receive registrations and lookups',
} satisfies KindDocument;
