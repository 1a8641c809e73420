import { z } from 'zod';
import { compileExpression, EXPRESSION_MAX_CHARS } from './expression';
import { compilePattern, MAX_PATTERN_LENGTH } from './patterns';

/**
 * The zod building blocks of the document schema, shared by schema.ts and every kind's document part
 * (src/core/kinds/<kind>/document.ts): ids, number ranges, duration distributions, header maps and
 * config values. Units live in field names (`latencyMs`, `ratePerSec`).
 */

/** A node or edge id. */
export const id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may only hold letters, digits and _ . : -');

export const nonNegative = z.number().finite().nonnegative();
export const positive = z.number().finite().positive();
export const probability = z.number().finite().min(0).max(1);
export const count = z.number().int().nonnegative();
export const atLeastOne = z.number().int().min(1);

/*
 * The limits of what can run. Each maximum keeps a valid document within what a run can hold (the
 * run limits of src/core/run/limits.ts stop what grows); each minimum keeps the clock moving.
 * docs/diagram-format.md gives each one with its reason.
 */

/** The longest run, in seconds (one day); no time on the timeline lies beyond it. */
export const MAX_RUN_SEC = 86_400;
/** The longest duration a distribution may be given, in ms: one day, the longest run. */
export const MAX_DURATION_MS = MAX_RUN_SEC * 1000;
/** The shortest period of a timer that repeats for the whole run (heartbeats, polls, evictions). */
export const MIN_INTERVAL_MS = 1;
/** The highest request rate of one client, per second: at a few events a request, about a second of engine time per simulated second. */
export const MAX_RATE_PER_SEC = 1_000_000;
/** The most users of a closed workload: each one is an event waiting from the start. */
export const MAX_USERS = 100_000;
/** The most instances of a service or gateway. */
export const MAX_INSTANCES = 1000;
/** The most concurrency slots of one instance. */
export const MAX_CONCURRENCY = 10_000;
/** The most requests one instance may queue (or one proxy hold pending). */
export const MAX_QUEUE_CAPACITY = 100_000;
/** The most calls a breaker window holds (one byte each, allocated up front). */
export const MAX_WINDOW_CALLS = 100_000;
/** The longest time window of a breaker, in seconds (three counters a second, allocated up front). */
export const MAX_WINDOW_SEC = 3600;
/** The largest relative weight (request mix, destinations, instances). */
export const MAX_WEIGHT = 1_000_000;
/**
 * The largest spread of a lognormal, as standard deviation over mean: converted to the underlying
 * normal, a larger one makes sigma so wide that samples overflow to Infinity.
 */
export const MAX_LOGNORMAL_CV = 1000;

const atMostOneDay = `must be at most ${MAX_DURATION_MS} ms (one day, the longest run)`;
const oneDayReason = 'At most one day (the longest run), so every sample stays finite.';
/** A duration parameter of a distribution, in ms. */
const durationMs = nonNegative.max(MAX_DURATION_MS, atMostOneDay).describe(oneDayReason);
const meanMs = positive.max(MAX_DURATION_MS, atMostOneDay).describe(oneDayReason);

/*
 * Numbers with a limit, each with its reason in the JSON Schema's description (and in
 * docs/diagram-format.md, "Limits: what a run can hold").
 */

/** The period of a repeating timer, in ms: at least {@link MIN_INTERVAL_MS}, so the clock moves. */
export const intervalMs = z
  .number()
  .finite()
  .min(MIN_INTERVAL_MS, `must be at least ${MIN_INTERVAL_MS} ms: a shorter period would stall the clock`)
  .describe('A timer that repeats for the whole run: at least 1 ms, so the clock keeps moving.');

/** A time on the scenario's timeline, in seconds. */
export const timelineSec = nonNegative
  .max(MAX_RUN_SEC, `must be at most ${MAX_RUN_SEC} s (one day, the longest run)`)
  .describe('Seconds on the timeline: at most one day, the longest run.');

/** A relative weight. */
export const weight = nonNegative
  .max(MAX_WEIGHT)
  .describe('A relative share, at most 1,000,000: larger ones add nothing, and their sums stay exact.');

/** A client's request rate, per second. */
export const ratePerSec = nonNegative
  .max(MAX_RATE_PER_SEC)
  .describe(
    'At most 1,000,000 a second: a few engine events each, about a second of computing per simulated second.',
  );

/** The users of a closed workload. */
export const users = count
  .max(MAX_USERS)
  .describe('At most 100,000: each user is an event waiting from the start.');

/** Instances of a service or gateway. */
export const instances = atLeastOne
  .max(MAX_INSTANCES)
  .describe('At most 1000: each instance has its slots, queue and health from the start.');

/** Concurrency slots of one instance. */
export const concurrency = atLeastOne.max(MAX_CONCURRENCY).describe('At most 10,000 slots an instance.');

/** Requests one instance may queue, or one proxy hold. */
export const queueCapacity = count
  .max(MAX_QUEUE_CAPACITY)
  .describe('At most 100,000: past it a queue only holds requests that time out.');

/** A non-negative duration distribution in milliseconds. Normal is truncated at 0. */
export const distributionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant'), ms: durationMs }).strict(),
  z.object({ kind: z.literal('exponential'), meanMs }).strict(),
  z
    .object({ kind: z.literal('uniform'), minMs: durationMs, maxMs: durationMs })
    .strict()
    .refine((d) => d.maxMs >= d.minMs, { message: 'maxMs must be >= minMs', path: ['maxMs'] }),
  z.object({ kind: z.literal('normal'), meanMs: durationMs, stdDevMs: durationMs }).strict(),
  z
    .object({ kind: z.literal('lognormal'), meanMs, stdDevMs: durationMs })
    .strict()
    .describe('stdDevMs is at most 1000 × meanMs: a wider lognormal draws samples that overflow.')
    .refine((d) => d.stdDevMs <= MAX_LOGNORMAL_CV * d.meanMs, {
      message: `must be at most ${MAX_LOGNORMAL_CV} × meanMs: a wider lognormal draws samples that overflow`,
      path: ['stdDevMs'],
    }),
]);
export type Distribution = z.infer<typeof distributionSchema>;

/** A constant distribution of `ms`, for defaults. */
export const constantMs = (ms: number): Distribution => ({ kind: 'constant', ms });

/** A header regex of a mesh route: RE2 syntax, checked here so a run never meets an invalid one. */
export const headerPatternSchema = z
  .string()
  .max(MAX_PATTERN_LENGTH)
  .describe(
    'RE2 syntax, as Istio: checked at validation, matched in linear time; values over 8192 characters never match.',
  )
  .superRefine((source, ctx) => {
    if (source.length > MAX_PATTERN_LENGTH) return;
    const compiled = compilePattern(source);
    if (!compiled.ok) ctx.addIssue({ code: 'custom', message: compiled.message });
  });
/**
 * How a serving node holds its slots (see StationConfig): `threadPerRequest` keeps a slot while the
 * request waits on downstream calls, `eventLoop` only while the node itself works.
 */
export const ioModelSchema = z.enum(['threadPerRequest', 'eventLoop']);

/** Requests one instance may hold at once under `eventLoop` (Envoy's default connection limit). */
export const maxConnectionsSchema = atLeastOne.max(MAX_QUEUE_CAPACITY).default(1024);

/** HTTP headers by name. */
export const headersSchema = z.record(z.string().min(1), z.string());

/** A config key's value (config servers, control planes, configChange faults). */
export const configValue = z.union([z.string(), z.number().finite(), z.boolean()]);

/** A rule expression (model/expression.ts), checked at import: a bad one is refused with what is wrong. */
export const expressionSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(EXPRESSION_MAX_CHARS, `must be at most ${EXPRESSION_MAX_CHARS} characters`)
  .superRefine((text, ctx) => {
    const r = compileExpression(text);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `bad expression: ${r.message}` });
  });

/**
 * A regular expression in RE2 syntax, run by re2js (linear time, no backtracking, so no pattern can
 * stall a run); checked at import with the same rules as a mesh header pattern, where an invalid one
 * is refused with re2js's reason.
 */
export const re2PatternSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_PATTERN_LENGTH, `must be at most ${MAX_PATTERN_LENGTH} characters`)
  .superRefine((text, ctx) => {
    if (text.length > MAX_PATTERN_LENGTH) return;
    const compiled = compilePattern(text);
    if (!compiled.ok) ctx.addIssue({ code: 'custom', message: compiled.message });
  });
