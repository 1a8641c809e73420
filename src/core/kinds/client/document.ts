import { z } from 'zod';
import { distributionSchema, headersSchema, ratePerSec, users, weight } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

/** One weighted entry of a client's request mix. */
const requestTemplateSchema = z
  .object({
    weight: weight.default(1),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    path: z.string().startsWith('/', 'must start with /').default('/'),
    headers: headersSchema.default({}),
  })
  .strict();

const workloadSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('open'),
      arrival: z.enum(['poisson', 'constant']).default('poisson'),
      ratePerSec: ratePerSec.default(10),
    })
    .strict(),
  z
    .object({
      kind: z.literal('closed'),
      users: users.default(10),
      thinkTimeMs: distributionSchema.default({ kind: 'exponential', meanMs: 1000 }),
    })
    .strict(),
]);

export const clientConfigSchema = z
  .object({
    workload: workloadSchema.prefault({ kind: 'open' }),
    requestMix: z.array(requestTemplateSchema).min(1, 'needs at least one request').prefault([{}]),
  })
  .strict();

/** A client: an open or closed workload sending a weighted request mix. */
export const clientDocument = {
  name: 'client',
  config: clientConfigSchema,
  links: { gateway: 'sync', service: 'sync', proxy: 'sync' },
  sendsOnly: 'clients only call API gateways, services or sidecar proxies',
} satisfies KindDocument;
