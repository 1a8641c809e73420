import { z } from 'zod';
import {
  atLeastOne,
  constantMs,
  count,
  distributionSchema,
  id,
  ioModelSchema,
  nonNegative,
  positive,
} from '../../model/fields';
import type { KindDocument } from '../kindDocument';

const headerMatchSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact'), value: z.string() }).strict(),
  z.object({ kind: z.literal('prefix'), value: z.string() }).strict(),
  z.object({ kind: z.literal('regex'), value: z.string() }).strict(),
  z.object({ kind: z.literal('present') }).strict(),
]);

export const meshRouteSchema = z
  .object({
    name: z.string().default(''),
    match: z
      .object({
        pathPrefix: z.string().startsWith('/').optional(),
        headers: z.record(z.string(), headerMatchSchema).default({}),
      })
      .strict()
      .prefault({}),
    destinations: z
      .array(z.object({ target: id, weight: nonNegative.default(100) }).strict())
      .min(1, 'needs at least one destination'),
  })
  .strict();

export const authorizationPolicySchema = z
  .object({
    name: z.string().default(''),
    action: z.enum(['ALLOW', 'DENY']),
    /** Source principals (calling node ids); empty matches any source. */
    principals: z.array(z.string()).default([]),
    paths: z.array(z.string()).default([]),
    methods: z.array(z.string()).default([]),
  })
  .strict();

export const proxyConfigSchema = z
  .object({
    /** The service whose traffic this sidecar carries. */
    attachedTo: id.optional(),
    serviceTimeMs: distributionSchema.default(constantMs(0.5)),
    /** Envoy is an event loop: its worker threads are busy only while it works on a request. */
    ioModel: ioModelSchema.default('eventLoop'),
    /** Worker threads under `eventLoop` (Envoy's `--concurrency`); unused with `threadPerRequest`. */
    concurrency: atLeastOne.max(1024).default(2),
    routes: z.array(meshRouteSchema).default([]),
    policies: z.array(authorizationPolicySchema).default([]),
    mtls: z.enum(['DISABLE', 'PERMISSIVE', 'STRICT']).default('PERMISSIVE'),
    connectionPool: z
      .object({ maxConnections: atLeastOne.default(1024), maxPendingRequests: count.default(1024) })
      .strict()
      .prefault({}),
    outlierDetection: z
      .object({
        enabled: z.boolean().default(true),
        consecutive5xx: atLeastOne.default(5),
        baseEjectionTimeMs: positive.default(30_000),
        maxEjectionTimeMs: positive.default(300_000),
        maxEjectionPercent: z.number().min(0).max(100).default(10),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** A sidecar proxy: header-match routes, weighted splits, authorization, mTLS, pools, outlier ejection. */
export const proxyDocument = {
  name: 'sidecar proxy',
  config: proxyConfigSchema,
  // Sidecar -> service is the mesh data plane handing a request to its local application.
  links: { service: 'sync', registry: 'registry', logRouter: 'log' },
  sendsOnly: 'sidecar proxies only forward to services, and talk to registries and log routers',
} satisfies KindDocument;
