import { z } from 'zod';
import {
  atLeastOne,
  constantMs,
  count,
  distributionSchema,
  headersSchema,
  id,
  ioModelSchema,
  maxConnectionsSchema,
  nonNegative,
  positive,
} from '../../model/fields';
import type { KindDocument } from '../kindDocument';

const gatewayRouteSchema = z
  .object({
    pathPrefix: z.string().startsWith('/', 'must start with /'),
    headers: headersSchema.default({}),
    target: id,
    /** Path forwarded upstream; the request path when omitted. */
    rewritePath: z.string().startsWith('/').optional(),
    timeoutMs: nonNegative.default(15_000),
  })
  .strict();

export const gatewayConfigSchema = z
  .object({
    instances: atLeastOne.default(2),
    concurrency: atLeastOne.default(256),
    queueCapacity: count.default(1000),
    serviceTimeMs: distributionSchema.default(constantMs(1)),
    /** An event loop (Envoy, NGINX, Kong): a slot is held only while the gateway works. */
    ioModel: ioModelSchema.default('eventLoop'),
    maxConnections: maxConnectionsSchema,
    routes: z.array(gatewayRouteSchema).default([]),
    rateLimit: z.object({ ratePerSec: positive, burst: atLeastOne }).strict().nullable().default(null),
    auth: z
      .object({ requiredHeader: z.string().min(1) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

/** An API gateway: path and header routing, a token-bucket rate limit, an auth check, route timeouts. */
export const gatewayDocument = {
  name: 'API gateway',
  config: gatewayConfigSchema,
  links: { service: 'sync', proxy: 'sync', registry: 'registry', configServer: 'config', logRouter: 'log' },
  sendsOnly:
    'API gateways only call services and sidecar proxies, and talk to registries, config servers and log routers',
} satisfies KindDocument;
