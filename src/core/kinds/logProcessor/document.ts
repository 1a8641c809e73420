import { z } from 'zod';
import {
  atLeastOne,
  constantMs,
  count,
  distributionSchema,
  expressionSchema,
  id,
  probability,
  re2PatternSchema,
} from '../../model/fields';
import type { KindDocument } from '../kindDocument';

/** Names every entry has; parsed and enriched fields may not take them. */
export const logEntryNames = ['service', 'level', 'message', 'timeMs', 'traceId'] as const;

const fieldName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
    'must be a name of letters, digits and _ (not starting with a digit)',
  )
  .refine((n) => !(logEntryNames as readonly string[]).includes(n), {
    message: `must not be one of the entry's own names (${logEntryNames.join(', ')})`,
  });

/** A parsing pattern: its named groups (`(?P<status>\d+)`) become fields of the entries it matches. */
const patternSchema = z.object({ pattern: re2PatternSchema }).strict();

/** An enrichment: `field` is set to the value of an expression over the entry. */
const enrichSchema = z.object({ field: fieldName, value: expressionSchema }).strict();

/** An alert rule: `aggregate(field) of the entries matching where, over the last windowSec, op threshold`. */
const alertSchema = z
  .object({
    id,
    name: z.string().max(120).default(''),
    where: expressionSchema.optional(),
    aggregate: z.enum(['count', 'sum', 'avg', 'min', 'max']).default('count'),
    field: z.string().min(1).max(64).optional(),
    op: z.enum(['>', '>=', '<', '<=']).default('>'),
    threshold: z.number().finite(),
    windowSec: atLeastOne.max(3600).default(60),
  })
  .strict()
  .refine((a) => a.aggregate === 'count' || a.field !== undefined, {
    message: 'sum, avg, min and max need the field they aggregate',
    path: ['field'],
  });

export const logProcessorConfigSchema = z
  .object({
    /** Entries processed at once. */
    workers: atLeastOne.max(64).default(1),
    /** Work per entry (parsing, enrichment, metrics). */
    processingMs: distributionSchema.default(constantMs(0.5)),
    /** Entries waiting for a worker; beyond it new entries are dropped (and counted). */
    queueCapacity: count.default(10_000),
    patterns: z.array(patternSchema).max(20).default([]),
    enrich: z.array(enrichSchema).max(20).default([]),
    /** Entries kept for storage: those for which it is true (absent: all). */
    filter: expressionSchema.optional(),
    /** Share of the kept entries forwarded to the stores (deterministic per seed). */
    sampleRate: probability.default(1),
    /** Width of the tumbling windows of the log-based metrics. */
    windowSec: atLeastOne.max(3600).default(60),
    alerts: z
      .array(alertSchema)
      .max(50)
      .default([])
      .superRefine((rules, ctx) => {
        const seen = new Set<string>();
        rules.forEach((r, i) => {
          if (seen.has(r.id))
            ctx.addIssue({ code: 'custom', message: `duplicate alert id "${r.id}"`, path: [i, 'id'] });
          seen.add(r.id);
        });
      }),
  })
  .strict();

/**
 * A log processor (the seed's `LogProcessor`): between a log router and its stores, it parses entries
 * with patterns, enriches, filters and samples them, counts them by level and service per window, and
 * fires alert rules.
 */
export const logProcessorDocument = {
  name: 'log processor',
  config: logProcessorConfigSchema,
  links: { logStore: 'log' },
  sendsOnly: 'log processors only forward processed entries to log stores',
} satisfies KindDocument;
