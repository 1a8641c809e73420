import { z } from 'zod';
import {
  atLeastOne,
  count,
  distributionSchema,
  id,
  ioModelSchema,
  maxConnectionsSchema,
  probability,
} from '../../model/fields';
import { stepSchema } from '../../model/steps';
import type { KindDocument } from '../kindDocument';

const endpointSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    path: z.string().startsWith('/', 'must start with /'),
    steps: z.array(stepSchema).prefault([{ kind: 'work' }]),
  })
  .strict();

/** A subscription: the service handles each event of `topic` on bus `bus` as consumer group `group`. */
const subscriptionSchema = z
  .object({
    bus: id,
    topic: z.string().min(1),
    group: z.string().min(1),
    steps: z.array(stepSchema).prefault([{ kind: 'work' }]),
  })
  .strict();

/** An access log: one entry per answered request, shipped to a log router. */
const accessLogSchema = z
  .object({
    target: id,
    /** Share of requests logged; failed requests (5xx, no answer) are always logged. */
    sampleRate: probability.default(1),
  })
  .strict();

const domainKinds = ['user', 'product', 'inventory', 'order', 'payment', 'notification'] as const;

export const serviceConfigSchema = z
  .object({
    instances: atLeastOne.max(1000).default(2),
    concurrency: atLeastOne.max(10_000).default(8),
    queueCapacity: count.default(100),
    serviceTimeMs: distributionSchema.default({ kind: 'exponential', meanMs: 20 }),
    errorRate: probability.default(0),
    /** Thread per request (a servlet container): a slot waits out downstream calls. */
    ioModel: ioModelSchema.default('threadPerRequest'),
    maxConnections: maxConnectionsSchema,
    /** Version label used by mesh subsets (canary v1 / v2). */
    version: z.string().default('v1'),
    endpoints: z.array(endpointSchema).prefault([{ path: '/' }]),
    subscriptions: z.array(subscriptionSchema).default([]),
    /** An access log shipped to a log router (absent: none). */
    accessLog: accessLogSchema.optional(),
    /** Business behaviour of the e-commerce domain, when this service models one of its services. */
    domain: z.enum(domainKinds).optional(),
  })
  .strict();

/** A service: instances x concurrency slots, a bounded queue, endpoints of ordered steps, subscriptions. */
export const serviceDocument = {
  name: 'service',
  config: serviceConfigSchema,
  links: {
    service: 'sync',
    proxy: 'sync',
    registry: 'registry',
    configServer: 'config',
    eventBus: 'async',
    eventStore: 'eventStore',
    readModel: 'query',
    logRouter: 'log',
  },
  sendsOnly:
    'services call services and proxies, publish to event buses, append to event stores, query read models, and talk to registries, config servers and log routers',
} satisfies KindDocument;
