import { z } from 'zod';
import { clientConfigSchema } from '../kinds/client/document';
import { configServerConfigSchema } from '../kinds/configServer/document';
import { controlPlaneConfigSchema } from '../kinds/controlPlane/document';
import { kindDocuments } from '../kinds/documents';
import { eventBusConfigSchema } from '../kinds/eventBus/document';
import { eventStoreConfigSchema } from '../kinds/eventStore/document';
import { gatewayConfigSchema } from '../kinds/gateway/document';
import { logRouterConfigSchema } from '../kinds/logRouter/document';
import { logStoreConfigSchema } from '../kinds/logStore/document';
import { byKind, kindEntries, type NodeKind } from '../kinds/nodeKinds';
import { authorizationPolicySchema, meshRouteSchema, proxyConfigSchema } from '../kinds/proxy/document';
import { readModelConfigSchema } from '../kinds/readModel/document';
import { registryConfigSchema } from '../kinds/registry/document';
import { serviceConfigSchema } from '../kinds/service/document';
import { edgeKinds } from './edgeKinds';
import {
  atLeastOne,
  configValue,
  constantMs,
  count,
  distributionSchema,
  id,
  MAX_DURATION_MS,
  MAX_INSTANCES,
  MAX_RUN_SEC,
  MAX_WINDOW_CALLS,
  MAX_WINDOW_SEC,
  nonNegative,
  positive,
  probability,
  ratePerSec,
  timelineSec,
  users,
  weight,
} from './fields';

/**
 * The archplay diagram document, format version 2 (version 1 documents are migrated, see migrations.ts).
 *
 * This zod schema is the single source of truth: the TypeScript types are inferred from it, the
 * JSON Schema in public/diagram.schema.json is generated from it, and every import is parsed by it.
 * Units live in field names (`latencyMs`, `ratePerSec`); every default is the real system's.
 */

export const DOCUMENT_FORMAT = 'archplay';
export const DOCUMENT_VERSION = 2;

export { type NodeKind, nodeKinds } from '../kinds/nodeKinds';
export { type EdgeKind, edgeKinds } from './edgeKinds';
export type { Distribution } from './fields';
export type { Step } from './steps';

const retrySchema = z
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
    slidingWindowSize: atLeastOne
      .max(MAX_WINDOW_CALLS)
      .describe(
        'At most 100,000 calls (one byte each) or 3600 seconds (three counters each), kept from the start.',
      )
      .default(100),
    minimumNumberOfCalls: atLeastOne.default(100),
    failureRateThreshold: z.number().finite().gt(0).max(100).default(50),
    slowCallRateThreshold: z.number().finite().gt(0).max(100).default(100),
    slowCallDurationThresholdMs: positive.default(60_000),
    waitDurationInOpenStateMs: positive.default(60_000),
    permittedNumberOfCallsInHalfOpenState: atLeastOne
      .max(MAX_WINDOW_CALLS)
      .describe('At most 100,000 calls (one byte each, kept from the start).')
      .default(10),
  })
  .strict()
  .refine((b) => b.slidingWindowType === 'count' || b.slidingWindowSize <= MAX_WINDOW_SEC, {
    message: `a time window must be at most ${MAX_WINDOW_SEC} s (three counters a second are kept)`,
    path: ['slidingWindowSize'],
  });
export type BreakerConfig = z.infer<typeof breakerSchema>;

const fallbackSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fail') }).strict(),
  z.object({ kind: z.literal('static'), status: z.number().int().min(200).max(599).default(200) }).strict(),
]);

const loadBalancerSchema = z
  .object({
    policy: z
      .enum(['roundRobin', 'random', 'leastRequest', 'weighted', 'consistentHash'])
      .default('roundRobin'),
    /** Header whose value is hashed by the consistentHash policy. */
    hashHeader: z.string().default('x-user-id'),
    /** Per-instance weights for the weighted policy (index = instance). */
    weights: z.array(weight).max(MAX_INSTANCES).default([]),
    /** Below this share of healthy instances, balance over all of them (Envoy panic threshold). */
    panicThresholdPercent: z.number().min(0).max(100).default(50),
  })
  .strict();

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

/** The position of a node on the canvas. */
const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

const nodeBase = {
  id,
  label: z.string().max(80, 'must be at most 80 characters'),
  position: positionSchema,
};

type KindDocuments = typeof kindDocuments;

/** Config schemas per node kind; the palette, the inspector and the engine all read this map. */
export const nodeConfigSchemas = byKind<{ [K in NodeKind]: KindDocuments[K]['config'] }>(
  (kind) => kindDocuments[kind].config,
);

const nodeOf = <K extends NodeKind, C extends z.ZodObject>(kind: K, config: C) =>
  z.object({ ...nodeBase, kind: z.literal(kind), config: config.prefault({} as z.input<C>) }).strict();

type NodeSchemaOf<K extends NodeKind> = ReturnType<typeof nodeOf<K, (typeof nodeConfigSchemas)[K]>>;

/** A node of any kind: one strict object per kind, told apart by `kind`, in nodeKinds order. */
export const nodeSchema = z.discriminatedUnion(
  'kind',
  kindEntries(byKind<{ [K in NodeKind]: NodeSchemaOf<K> }>((kind) => nodeOf(kind, nodeConfigSchemas[kind]))),
);

export const edgeSchema = z
  .object({
    id,
    source: id,
    target: id,
    kind: z.enum(edgeKinds).default('sync'),
    config: edgeConfigSchema.prefault({}),
  })
  .strict();

const forSec = timelineSec.optional();
const atSec = timelineSec;

/** Message loss, duplication and reordering probabilities of a link or bus fault. */
const messageFaultRates = {
  lossRate: probability.default(0),
  duplicateRate: probability.default(0),
  reorderRate: probability.default(0),
};

/** A consumer's group membership leaving (`unsubscribe`) or joining again (`subscribe`) a topic. */
const membershipChange = <K extends 'subscribe' | 'unsubscribe'>(kind: K) =>
  z
    .object({
      kind: z.literal(kind),
      atSec: nonNegative,
      nodeId: id,
      topic: z.string().min(1),
      group: z.string().min(1).optional(),
    })
    .strict();
export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('killInstance'), atSec, nodeId: id, instance: count.default(0) }).strict(),
  z
    .object({
      kind: z.literal('restartInstance'),
      atSec,
      nodeId: id,
      instance: count.default(0),
    })
    .strict(),
  z
    .object({
      kind: z.literal('addLatency'),
      atSec,
      nodeId: id,
      latencyMs: nonNegative.max(MAX_DURATION_MS),
      durationSec: forSec,
    })
    .strict(),
  z
    .object({
      kind: z.literal('errorRate'),
      atSec,
      nodeId: id,
      errorRate: probability,
      durationSec: forSec,
    })
    .strict(),
  z.object({ kind: z.literal('partition'), atSec, a: id, b: id, durationSec: forSec }).strict(),
  membershipChange('unsubscribe'),
  membershipChange('subscribe'),
  z
    .object({
      kind: z.literal('linkFaults'),
      atSec: nonNegative,
      edgeId: id,
      ...messageFaultRates,
      durationSec: forSec,
    })
    .strict(),
  z
    .object({
      kind: z.literal('busFaults'),
      atSec: nonNegative,
      nodeId: id,
      ...messageFaultRates,
      durationSec: forSec,
    })
    .strict(),
  z
    .object({
      kind: z.literal('clockSkew'),
      atSec: nonNegative,
      nodeId: id,
      skewMs: z.number().finite().min(-86_400_000).max(86_400_000),
      durationSec: forSec,
    })
    .strict(),
  z
    .object({
      kind: z.literal('grayFailure'),
      atSec: nonNegative,
      nodeId: id,
      instance: count.default(0),
      share: probability,
      factor: z.number().finite().min(1).max(1000),
      durationSec: forSec,
    })
    .strict(),
  z
    .object({
      kind: z.literal('slowDisk'),
      atSec: nonNegative,
      nodeId: id,
      factor: z.number().finite().min(1).max(1000),
      durationSec: forSec,
    })
    .strict(),
  z
    .object({
      kind: z.literal('configChange'),
      atSec,
      nodeId: id,
      service: id,
      key: z.string().min(1),
      value: configValue,
    })
    .strict(),
]);

export const workloadChangeSchema = z
  .object({
    atSec,
    nodeId: id,
    ratePerSec: ratePerSec.optional(),
    users: users.optional(),
    /** Linear ramp from the current value to the new one over this many seconds; 0 is a step. */
    rampSec: timelineSec.default(0),
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
const MIN_RESTOCK_INTERVAL_MS = 100;

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
const sloOps = ['<', '<=', '>', '>='] as const;
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
    fromSec: timelineSec.optional(),
    toSec: positive.max(MAX_RUN_SEC).optional(),
  })
  .strict()
  .refine((slo) => slo.fromSec === undefined || slo.toSec === undefined || slo.toSec > slo.fromSec, {
    message: 'must be greater than fromSec',
    path: ['toSec'],
  });
export type Slo = z.infer<typeof sloSchema>;

export const scenarioSchema = z
  .object({
    durationSec: positive.max(MAX_RUN_SEC, 'must be at most one day (86400 s)').default(60),
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
/** A document as written by hand: the schema's input, where defaulted fields may be omitted. */
export type DocumentInput = z.input<typeof documentSchema>;
export type ArchNode = z.infer<typeof nodeSchema>;
export type ArchEdge = z.infer<typeof edgeSchema>;
export type EdgeConfig = z.infer<typeof edgeConfigSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Fault = z.infer<typeof faultSchema>;
export type WorkloadChange = z.infer<typeof workloadChangeSchema>;
/**
 * The config of a node of kind K (for the editor's per-kind modules).
 * @public
 */
export type NodeConfig<K extends NodeKind> = z.infer<(typeof nodeConfigSchemas)[K]>;
export type NodeOfKind<K extends NodeKind> = Extract<ArchNode, { kind: K }>;

/**
 * The kinds' config schemas live in their kinds' document parts (src/core/kinds/<kind>/document.ts);
 * these names stay here, where the editor has always found them.
 * @public
 */
export {
  authorizationPolicySchema,
  clientConfigSchema,
  configServerConfigSchema,
  controlPlaneConfigSchema,
  eventBusConfigSchema,
  eventStoreConfigSchema,
  gatewayConfigSchema,
  logRouterConfigSchema,
  logStoreConfigSchema,
  meshRouteSchema,
  proxyConfigSchema,
  readModelConfigSchema,
  registryConfigSchema,
  serviceConfigSchema,
};
