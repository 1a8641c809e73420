import { RE2JS } from 're2js';
import { z } from 'zod';
import { compileExpression, EXPRESSION_MAX_CHARS } from './expression';

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

/** A constant distribution of `ms`, for defaults. */
export const constantMs = (ms: number): Distribution => ({ kind: 'constant', ms });

/**
 * How a serving node holds its slots (see StationConfig): `threadPerRequest` keeps a slot while the
 * request waits on downstream calls, `eventLoop` only while the node itself works.
 */
export const ioModelSchema = z.enum(['threadPerRequest', 'eventLoop']);

/** Requests one instance may hold at once under `eventLoop` (Envoy's default connection limit). */
export const maxConnectionsSchema = z.number().int().min(1).max(1_000_000).default(1024);

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

/** Longest regular expression accepted. */
const PATTERN_MAX_CHARS = 500;

/**
 * A regular expression in RE2 syntax, run by re2js (linear time, no backtracking, so no pattern can
 * stall a run); checked at import, where an invalid one is refused with re2js's reason.
 */
export const re2PatternSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(PATTERN_MAX_CHARS, `must be at most ${PATTERN_MAX_CHARS} characters`)
  .superRefine((text, ctx) => {
    try {
      RE2JS.compile(text);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `bad pattern: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
