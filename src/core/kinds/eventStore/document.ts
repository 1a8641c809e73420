import { z } from 'zod';
import { atLeastOne, constantMs, distributionSchema, expressionSchema, positive } from '../../model/fields';
import type { KindDocument } from '../kindDocument';

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a name of letters, digits and _');

/** An aggregate type: its initial state, its commands (with the rule that may refuse them) and its events. */
const aggregateSchema = z
  .object({
    type: name,
    initial: z.record(name, z.union([z.string(), z.number().finite(), z.boolean()])).default({}),
    commands: z
      .array(z.object({ name, emits: name, rule: expressionSchema.optional() }).strict())
      .min(1)
      .max(20),
    events: z
      .array(
        z
          .object({
            type: name,
            apply: z.array(z.object({ field: name, value: expressionSchema }).strict()).max(20),
          })
          .strict(),
      )
      .max(20)
      .default([]),
  })
  .strict();

export const eventStoreConfigSchema = z
  .object({
    appendLatencyMs: distributionSchema.default(constantMs(2)),
    snapshotEvery: atLeastOne.default(50),
    /** How often the outbox relay publishes waiting events (absent: 100 ms). */
    relayIntervalMs: positive.optional(),
    /** Aggregate types whose commands `append` steps send (absent: none). */
    aggregates: z
      .array(aggregateSchema)
      .max(20)
      .optional()
      .superRefine((list, ctx) => {
        const commands = new Set<string>();
        for (const [i, a] of (list ?? []).entries()) {
          for (const [j, c] of a.commands.entries()) {
            if (commands.has(c.name))
              ctx.addIssue({
                code: 'custom',
                message: `command "${c.name}" is declared twice`,
                path: [i, 'commands', j, 'name'],
              });
            commands.add(c.name);
          }
        }
      }),
  })
  .strict();

/** An event store: one stream per aggregate, appends with expected versions, snapshots. */
export const eventStoreDocument = {
  name: 'event store',
  config: eventStoreConfigSchema,
  links: { readModel: 'projection', eventBus: 'async' },
  sendsOnly: 'event stores only feed projections into read models and relay their outbox to event buses',
} satisfies KindDocument;
