import { z } from 'zod';
import { positive } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

export const registryConfigSchema = z
  .object({
    heartbeatIntervalMs: positive.default(30_000),
    leaseMs: positive.default(90_000),
    evictionIntervalMs: positive.default(60_000),
  })
  .strict();

/** A service registry: registration, heartbeats, lease expiry and eviction, discovery of healthy instances. */
export const registryDocument = {
  name: 'service registry',
  config: registryConfigSchema,
  links: {},
  sendsOnly: 'service registries only receive registrations and lookups',
} satisfies KindDocument;
