import { z } from 'zod';

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
