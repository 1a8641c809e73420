import { z } from 'zod';
import { distributionSchema, id, positive } from './fields';

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
  z
    .object({
      kind: z.literal('append'),
      target: id,
      /** The event appended; or, with `command`, the event type the command emits. */
      eventType: z.string().min(1).optional(),
      /** A command of an aggregate the store declares: its rule may refuse it (422). */
      command: z.string().min(1).optional(),
      /** Publish the appended event too: with a dual write (append, then publish) or a transactional outbox. */
      publish: z
        .object({
          target: id,
          topic: z.string().min(1),
          key: z.string().optional(),
          via: z.enum(['outbox', 'dualWrite']).default('outbox'),
        })
        .strict()
        .optional(),
    })
    .strict()
    .refine((s) => (s.eventType === undefined) !== (s.command === undefined), {
      message: 'an append step needs eventType or command (one of them)',
      path: ['eventType'],
    }),
  z.object({ kind: z.literal('query'), target: id }).strict(),
  z
    .object({
      kind: z.literal('request'),
      target: id,
      topic: z.string().min(1),
      key: z.string().optional(),
      /** How long the requester waits for the reply before failing with 504. */
      timeoutMs: positive.default(5000),
    })
    .strict(),
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
