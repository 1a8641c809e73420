import { z } from 'zod';

/**
 * The archplay diagram document, format version 1.
 *
 * This zod schema is the single source of truth: the TypeScript types are inferred from it, the
 * JSON Schema in public/diagram.schema.json is generated from it, and every import is parsed by it.
 * Units live in field names (`latencyMs`, `ratePerSec`); every default is the real system's.
 */

export const DOCUMENT_FORMAT = 'archplay';
export const DOCUMENT_VERSION = 1;

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may only hold letters, digits and _ . : -');

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const probability = z.number().finite().min(0).max(1);
const count = z.number().int().nonnegative();
const atLeastOne = z.number().int().min(1);

/** A non-negative duration distribution in milliseconds. Normal is truncated at 0. */
export const distributionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant'), ms: nonNegative }).strict(),
  z.object({ kind: z.literal('exponential'), meanMs: positive }).strict(),
  z
    .object({ kind: z.literal('uniform'), minMs: nonNegative, maxMs: nonNegative })
    .strict()
    .refine((d) => d.maxMs >= d.minMs, { message: 'maxMs must be >= minMs', path: ['maxMs'] }),
  z.object({ kind: z.literal('normal'), meanMs: nonNegative, stdDevMs: nonNegative }).strict(),
  z.object({ kind: z.literal('lognormal'), meanMs: positive, stdDevMs: nonNegative }).strict(),
]);
export type Distribution = z.infer<typeof distributionSchema>;

const constantMs = (ms: number): Distribution => ({ kind: 'constant', ms });

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

const headersSchema = z.record(z.string().min(1), z.string());

/** One weighted entry of a client's request mix. */
export const requestTemplateSchema = z
  .object({
    weight: nonNegative.default(1),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    path: z.string().startsWith('/', 'must start with /').default('/'),
    headers: headersSchema.default({}),
  })
  .strict();

export const workloadSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('open'),
      arrival: z.enum(['poisson', 'constant']).default('poisson'),
      ratePerSec: nonNegative.default(10),
    })
    .strict(),
  z
    .object({
      kind: z.literal('closed'),
      users: count.default(10),
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

/** An endpoint step: ordered work a service does while it holds a concurrency slot. */
export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('work'), durationMs: distributionSchema.optional() }).strict(),
  z
    .object({
      kind: z.literal('call'),
      target: id,
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
      path: z.string().startsWith('/', 'must start with /'),
    })
    .strict(),
  z
    .object({ kind: z.literal('publish'), target: id, topic: z.string().min(1), key: z.string().optional() })
    .strict(),
  z.object({ kind: z.literal('append'), target: id, eventType: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('query'), target: id }).strict(),
  z
    .object({
      kind: z.literal('log'),
      target: id,
      level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
      message: z.string().default(''),
    })
    .strict(),
]);
export type Step = z.infer<typeof stepSchema>;

export const endpointSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    path: z.string().startsWith('/', 'must start with /'),
    steps: z.array(stepSchema).prefault([{ kind: 'work' }]),
  })
  .strict();

/** A subscription: the service handles each event of `topic` on bus `bus` as consumer group `group`. */
export const subscriptionSchema = z
  .object({
    bus: id,
    topic: z.string().min(1),
    group: z.string().min(1),
    steps: z.array(stepSchema).prefault([{ kind: 'work' }]),
  })
  .strict();

export const domainKinds = ['user', 'product', 'inventory', 'order', 'payment', 'notification'] as const;

export const serviceConfigSchema = z
  .object({
    instances: atLeastOne.max(1000).default(2),
    concurrency: atLeastOne.max(10_000).default(8),
    queueCapacity: count.default(100),
    serviceTimeMs: distributionSchema.default({ kind: 'exponential', meanMs: 20 }),
    errorRate: probability.default(0),
    /** Version label used by mesh subsets (canary v1 / v2). */
    version: z.string().default('v1'),
    endpoints: z.array(endpointSchema).prefault([{ path: '/' }]),
    subscriptions: z.array(subscriptionSchema).default([]),
    /** Business behaviour of the e-commerce domain, when this service models one of its services. */
    domain: z.enum(domainKinds).optional(),
  })
  .strict();

export const retrySchema = z
  .object({
    maxRetries: count.max(10).default(0),
    baseBackoffMs: nonNegative.default(25),
    maxBackoffMs: nonNegative.default(250),
    retryOn: z.array(z.enum(['5xx', 'timeout', 'connect', '429'])).default(['5xx', 'timeout', 'connect']),
    /** Time one attempt may take before it is abandoned as a timeout (Envoy per_try_timeout); 0 means none. */
    perTryTimeoutMs: nonNegative.default(0),
  })
  .strict();

export const breakerSchema = z
  .object({
    enabled: z.boolean().default(true),
    slidingWindowType: z.enum(['count', 'time']).default('count'),
    /** Calls for a count window, seconds for a time window (Resilience4j slidingWindowSize). */
    slidingWindowSize: atLeastOne.default(100),
    minimumNumberOfCalls: atLeastOne.default(100),
    failureRateThreshold: z.number().finite().gt(0).max(100).default(50),
    slowCallRateThreshold: z.number().finite().gt(0).max(100).default(100),
    slowCallDurationThresholdMs: positive.default(60_000),
    waitDurationInOpenStateMs: positive.default(60_000),
    permittedNumberOfCallsInHalfOpenState: atLeastOne.default(10),
  })
  .strict();
export type BreakerConfig = z.infer<typeof breakerSchema>;

export const fallbackSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fail') }).strict(),
  z.object({ kind: z.literal('static'), status: z.number().int().min(200).max(599).default(200) }).strict(),
]);

export const loadBalancerSchema = z
  .object({
    policy: z
      .enum(['roundRobin', 'random', 'leastRequest', 'weighted', 'consistentHash'])
      .default('roundRobin'),
    /** Header whose value is hashed by the consistentHash policy. */
    hashHeader: z.string().default('x-user-id'),
    /** Per-instance weights for the weighted policy (index = instance). */
    weights: z.array(nonNegative).default([]),
    /** Below this share of healthy instances, balance over all of them (Envoy panic threshold). */
    panicThresholdPercent: z.number().min(0).max(100).default(50),
  })
  .strict();

export const edgeKinds = [
  'sync',
  'async',
  'eventStore',
  'projection',
  'query',
  'log',
  'registry',
  'config',
  'mesh',
] as const;
export type EdgeKind = (typeof edgeKinds)[number];

export const edgeConfigSchema = z
  .object({
    /** One-way network latency of the link. */
    latencyMs: distributionSchema.default(constantMs(1)),
    /** Deadline over all attempts of one call (Envoy route timeout); 0 means none. */
    timeoutMs: nonNegative.default(15_000),
    retry: retrySchema.prefault({}),
    fallback: fallbackSchema.default({ kind: 'fail' }),
    breaker: breakerSchema.optional(),
    loadBalancer: loadBalancerSchema.prefault({}),
  })
  .strict();

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
    routes: z.array(gatewayRouteSchema).default([]),
    rateLimit: z.object({ ratePerSec: positive, burst: atLeastOne }).strict().nullable().default(null),
    auth: z
      .object({ requiredHeader: z.string().min(1) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

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

export const controlPlaneConfigSchema = z.object({ propagationDelayMs: nonNegative.default(1000) }).strict();

export const registryConfigSchema = z
  .object({
    heartbeatIntervalMs: positive.default(30_000),
    leaseMs: positive.default(90_000),
    evictionIntervalMs: positive.default(60_000),
  })
  .strict();

const configValue = z.union([z.string(), z.number().finite(), z.boolean()]);

export const configServerConfigSchema = z
  .object({
    mode: z.enum(['push', 'poll']).default('poll'),
    pollIntervalMs: positive.default(30_000),
    /** Initial keys per service node id. */
    keys: z.record(id, z.record(z.string().min(1), configValue)).default({}),
  })
  .strict();

export const eventBusConfigSchema = z
  .object({
    topics: z
      .array(
        z
          .object({
            name: z.string().min(1),
            partitions: atLeastOne.max(1024).default(3),
            maxDeliveries: atLeastOne.default(5),
          })
          .strict(),
      )
      .default([]),
    deliveryLatencyMs: distributionSchema.default(constantMs(2)),
    /** Redelivery delay after a failed or unacknowledged delivery. */
    redeliveryDelayMs: nonNegative.default(1000),
  })
  .strict();

export const eventStoreConfigSchema = z
  .object({
    appendLatencyMs: distributionSchema.default(constantMs(2)),
    snapshotEvery: atLeastOne.default(50),
  })
  .strict();

export const readModelConfigSchema = z
  .object({
    /** The event store this model projects. */
    source: id.optional(),
    projectionLatencyMs: distributionSchema.default(constantMs(5)),
    queryLatencyMs: distributionSchema.default(constantMs(1)),
  })
  .strict();

export const logRouterConfigSchema = z
  .object({
    strategy: z.enum(['serviceHash', 'roundRobin', 'time']).default('serviceHash'),
    timeBucketMs: positive.default(60_000),
  })
  .strict();

export const logStoreConfigSchema = z
  .object({
    capacity: atLeastOne.default(100_000),
    /** Entries older than this (behind the newest entry) expire, like a hot tier's retention; 0 keeps them until capacity drops them. */
    retentionSec: nonNegative.default(300),
    queryLatencyMs: distributionSchema.default(constantMs(5)),
  })
  .strict();

const nodeBase = {
  id,
  label: z.string().max(80, 'must be at most 80 characters'),
  position: positionSchema,
};

/** Config schemas per node kind; the palette, the inspector and the engine all read this map. */
export const nodeConfigSchemas = {
  client: clientConfigSchema,
  gateway: gatewayConfigSchema,
  service: serviceConfigSchema,
  proxy: proxyConfigSchema,
  controlPlane: controlPlaneConfigSchema,
  registry: registryConfigSchema,
  configServer: configServerConfigSchema,
  eventBus: eventBusConfigSchema,
  eventStore: eventStoreConfigSchema,
  readModel: readModelConfigSchema,
  logRouter: logRouterConfigSchema,
  logStore: logStoreConfigSchema,
} as const;

export type NodeKind = keyof typeof nodeConfigSchemas;
export const nodeKinds = Object.keys(nodeConfigSchemas) as NodeKind[];

const nodeOf = <K extends NodeKind, C extends z.ZodObject>(kind: K, config: C) =>
  z.object({ ...nodeBase, kind: z.literal(kind), config: config.prefault({} as z.input<C>) }).strict();

export const nodeSchema = z.discriminatedUnion('kind', [
  nodeOf('client', nodeConfigSchemas.client),
  nodeOf('gateway', nodeConfigSchemas.gateway),
  nodeOf('service', nodeConfigSchemas.service),
  nodeOf('proxy', nodeConfigSchemas.proxy),
  nodeOf('controlPlane', nodeConfigSchemas.controlPlane),
  nodeOf('registry', nodeConfigSchemas.registry),
  nodeOf('configServer', nodeConfigSchemas.configServer),
  nodeOf('eventBus', nodeConfigSchemas.eventBus),
  nodeOf('eventStore', nodeConfigSchemas.eventStore),
  nodeOf('readModel', nodeConfigSchemas.readModel),
  nodeOf('logRouter', nodeConfigSchemas.logRouter),
  nodeOf('logStore', nodeConfigSchemas.logStore),
]);

export const edgeSchema = z
  .object({
    id,
    source: id,
    target: id,
    kind: z.enum(edgeKinds).default('sync'),
    config: edgeConfigSchema.prefault({}),
  })
  .strict();

const forSec = nonNegative.optional();

export const faultSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('killInstance'), atSec: nonNegative, nodeId: id, instance: count.default(0) })
    .strict(),
  z
    .object({
      kind: z.literal('restartInstance'),
      atSec: nonNegative,
      nodeId: id,
      instance: count.default(0),
    })
    .strict(),
  z
    .object({
      kind: z.literal('addLatency'),
      atSec: nonNegative,
      nodeId: id,
      latencyMs: nonNegative,
      durationSec: forSec,
    })
    .strict(),
  z
    .object({
      kind: z.literal('errorRate'),
      atSec: nonNegative,
      nodeId: id,
      errorRate: probability,
      durationSec: forSec,
    })
    .strict(),
  z.object({ kind: z.literal('partition'), atSec: nonNegative, a: id, b: id, durationSec: forSec }).strict(),
  z
    .object({
      kind: z.literal('configChange'),
      atSec: nonNegative,
      nodeId: id,
      service: id,
      key: z.string().min(1),
      value: configValue,
    })
    .strict(),
]);

export const workloadChangeSchema = z
  .object({
    atSec: nonNegative,
    nodeId: id,
    ratePerSec: nonNegative.optional(),
    users: count.optional(),
    /** Linear ramp from the current value to the new one over this many seconds; 0 is a step. */
    rampSec: nonNegative.default(0),
  })
  .strict();

/**
 * The e-commerce shop a run starts with when the scenario sets none: enough stock that a minute at
 * a few hundred orders per second mostly succeeds, with a spread wide enough that the smallest
 * products sell out during a run (real out-of-stock failures), a few inactive accounts, a restock
 * every 10 s of products below a quarter of their seeded stock, and 2 % of charges declined.
 */
export const SHOP_DEFAULTS = {
  users: 500,
  products: 40,
  stockMin: 20,
  stockMax: 3000,
  priceMinCents: 500,
  priceMaxCents: 40_000,
  inactiveShare: 0.01,
  restockIntervalMs: 10_000,
  restockBelowShare: 0.25,
  declinedShare: 0.02,
} as const;

/** Shortest restock period: each restock walks every product, so a tiny period would flood the run. */
export const MIN_RESTOCK_INTERVAL_MS = 100;

/**
 * The seeded e-commerce shop of a run (used when some service sets `config.domain`): its size,
 * stock and price ranges, restocking, and the payment provider's declines. Absent = {@link SHOP_DEFAULTS}.
 */
export const shopSchema = z
  .object({
    users: atLeastOne.max(100_000).default(SHOP_DEFAULTS.users),
    products: atLeastOne.max(10_000).default(SHOP_DEFAULTS.products),
    stockMin: count.default(SHOP_DEFAULTS.stockMin),
    stockMax: count.default(SHOP_DEFAULTS.stockMax),
    priceMinCents: count.default(SHOP_DEFAULTS.priceMinCents),
    priceMaxCents: count.default(SHOP_DEFAULTS.priceMaxCents),
    inactiveShare: probability.default(SHOP_DEFAULTS.inactiveShare),
    /** 0 = never restock. */
    restockIntervalMs: nonNegative
      .refine((ms) => ms === 0 || ms >= MIN_RESTOCK_INTERVAL_MS, {
        message: `must be 0 (never restock) or at least ${MIN_RESTOCK_INTERVAL_MS} ms`,
      })
      .default(SHOP_DEFAULTS.restockIntervalMs),
    restockBelowShare: probability.default(SHOP_DEFAULTS.restockBelowShare),
    declinedShare: probability.default(SHOP_DEFAULTS.declinedShare),
  })
  .strict()
  .superRefine((shop, ctx) => {
    if (shop.stockMax < shop.stockMin)
      ctx.addIssue({
        code: 'custom',
        path: ['stockMax'],
        message: `must be >= stockMin (${shop.stockMin}), got ${shop.stockMax}`,
      });
    if (shop.priceMaxCents < shop.priceMinCents)
      ctx.addIssue({
        code: 'custom',
        path: ['priceMaxCents'],
        message: `must be >= priceMinCents (${shop.priceMinCents}), got ${shop.priceMaxCents}`,
      });
  });
export type Shop = z.infer<typeof shopSchema>;

/** What an SLO measures; see docs/diagram-format.md ("SLOs") for how each is read over a window. */
export const sloMetrics = [
  'p50Ms',
  'p95Ms',
  'p99Ms',
  'p999Ms',
  'meanMs',
  'errorRate',
  'availability',
  'throughputPerSec',
  'breakerOpenMs',
  'consumerLag',
] as const;
export type SloMetric = (typeof sloMetrics)[number];
/** How an SLO compares the observed value with its `value`. */
export const sloOps = ['<', '<=', '>', '>='] as const;
export type SloOp = (typeof sloOps)[number];
/** The SLO target that stands for the whole system (every client together). */
export const SYSTEM_TARGET = 'system';

/**
 * A service-level objective checked at the end of every run: `metric` of `target` (a node, an edge,
 * a client or "system") compared with `value`, over [fromSec, toSec) clipped to the time after warm-up.
 */
export const sloSchema = z
  .object({
    id,
    name: z.string().max(120).default(''),
    target: id,
    metric: z.enum(sloMetrics),
    op: z.enum(sloOps),
    value: z.number().finite(),
    fromSec: nonNegative.optional(),
    toSec: positive.optional(),
  })
  .strict()
  .refine((slo) => slo.fromSec === undefined || slo.toSec === undefined || slo.toSec > slo.fromSec, {
    message: 'must be greater than fromSec',
    path: ['toSec'],
  });
export type Slo = z.infer<typeof sloSchema>;

export const scenarioSchema = z
  .object({
    durationSec: positive.max(86_400, 'must be at most one day (86400 s)').default(60),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    warmupSec: nonNegative.default(0),
    workloadChanges: z.array(workloadChangeSchema).default([]),
    faults: z.array(faultSchema).default([]),
    /** Absent in every document that keeps the default shop, so their exports do not change. */
    shop: shopSchema.optional(),
    /** Absent in every document without SLOs, so their exports and run summaries do not change. */
    slos: z.array(sloSchema).max(200).optional(),
  })
  .strict();

export const documentSchema = z
  .object({
    format: z.literal(DOCUMENT_FORMAT, { message: `must be "${DOCUMENT_FORMAT}"` }),
    version: z.literal(DOCUMENT_VERSION, { message: `must be ${DOCUMENT_VERSION}` }),
    name: z.string().max(120).default('Untitled'),
    description: z.string().max(4000).default(''),
    nodes: z.array(nodeSchema).max(5000),
    edges: z.array(edgeSchema).max(20_000),
    scenario: scenarioSchema.prefault({}),
  })
  .strict();

export type ArchDocument = z.infer<typeof documentSchema>;
export type ArchNode = z.infer<typeof nodeSchema>;
export type ArchEdge = z.infer<typeof edgeSchema>;
export type EdgeConfig = z.infer<typeof edgeConfigSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Fault = z.infer<typeof faultSchema>;
export type WorkloadChange = z.infer<typeof workloadChangeSchema>;
export type NodeConfig<K extends NodeKind> = z.infer<(typeof nodeConfigSchemas)[K]>;
export type NodeOfKind<K extends NodeKind> = Extract<ArchNode, { kind: K }>;
export type ServiceConfig = NodeConfig<'service'>;
export type ClientConfig = NodeConfig<'client'>;
