import { z } from 'zod';
import { type ArchDocument, faultSchema, id, sloMetrics } from './coreApi';

/** The comparisons a check may make, as an SLO's. */
const ops = z.enum(['<', '<=', '>', '>=']);
const label = z.string().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
const text = (max: number) =>
  z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The fault kinds of the document format, for `learnerFaults`. */
const faultKinds = faultSchema.options.map((o) => o.shape.kind.value);

/**
 * An SLO as a check: the fields of `scenario.slos` (without `id` and `name`, which are the check's
 * `id` and `label`), judged by the same evaluator.
 */
const sloCheck = z
  .object({
    kind: z.literal('slo'),
    id,
    label,
    target: id,
    metric: z.enum(sloMetrics),
    op: ops,
    value: z.number().finite(),
    fromSec: z.number().finite().nonnegative().optional(),
    toSec: z.number().finite().positive().optional(),
  })
  .strict();

const aggregate = z.enum(['sum', 'max', 'min', 'count']);

/** A number of the run summary by its metric path (`edges.a-b.breaker.transitionsTotal`). */
const metricRef = z
  .object({
    path: z.string().min(1).max(300),
    /** How the numbers a `*` matches combine (sum by default). */
    aggregate: aggregate.optional(),
    /** Multiplies the number read, so a bound can be relative: 1.5 x `edges.a-b.calls`. */
    times: z.number().finite().default(1),
  })
  .strict();

/**
 * An assertion over the run summary's metric paths, where no SLO metric says it. A `*` in the path
 * stands for any id (the numbers it matches are combined by `aggregate`); `value` is a number or
 * another path.
 */
const metricCheck = z
  .object({
    kind: z.literal('metric'),
    id,
    label,
    path: z.string().min(1).max(300),
    aggregate: aggregate.optional(),
    /** The number to read when the run has none at the path (a count of something that never happened). */
    ifAbsent: z.number().finite().optional(),
    op: ops,
    value: z.union([z.number().finite(), metricRef]),
  })
  .strict();

/** The run's invariant report (conservation of requests, stock, events) must hold. */
const invariantsCheck = z.object({ kind: z.literal('invariants'), id, label }).strict();

const lessonCheckSchema = z.discriminatedUnion('kind', [sloCheck, metricCheck, invariantsCheck]);
export type LessonCheck = z.infer<typeof lessonCheckSchema>;
export type MetricCheck = z.infer<typeof metricCheck>;

/**
 * A lesson of the learning path, as stored in public/lessons/<id>.json. The documents are read
 * with the document format's own validation (migrated, defaults filled) after this schema.
 */
export const lessonSchema = z
  .object({
    format: z.literal('archplay-lesson', { message: 'must be "archplay-lesson"' }),
    version: z.literal(1, { message: 'must be 1' }),
    id,
    title: label,
    /** The idea the lesson teaches, in a few words ("Redundancy"). */
    concept: text(80),
    /** What the learner must achieve, in plain words. */
    goal: text(600),
    starter: z.unknown(),
    checks: z.array(lessonCheckSchema).min(1, 'a lesson needs at least one check').max(20),
    hints: z.array(text(400)).min(1, 'a lesson needs at least one hint').max(3, 'at most three hints'),
    explanation: text(2000),
    solution: z.unknown(),
    /** Seeds the checks run with; a check passes only when it holds on every one. */
    seeds: z.array(z.number().int().min(0).max(0xffffffff)).min(1).max(5).optional(),
    /** Fields held at the starter's value when checking (`nodes.web.config.workload`): the lesson's givens. */
    keep: z.array(z.string().min(1).max(300)).max(50).default([]),
    /** Fault kinds a design may add on the timeline (the lesson's own faults always play). */
    learnerFaults: z.array(z.enum(faultKinds as [string, ...string[]])).default([]),
  })
  .strict();

type LessonInput = z.infer<typeof lessonSchema>;

/** A lesson as the app and the CLI use it: its documents validated, its seeds settled. */
export interface Lesson extends Omit<LessonInput, 'starter' | 'solution' | 'seeds'> {
  starter: ArchDocument;
  solution: ArchDocument;
  /** The seeds the checks run with (the starter's scenario seed when the file names none). */
  seeds: number[];
}

/** One entry of public/lessons/index.json: the learning path in order. */
export const lessonIndexSchema = z
  .object({
    format: z.literal('archplay-lessons', { message: 'must be "archplay-lessons"' }),
    version: z.literal(1, { message: 'must be 1' }),
    lessons: z
      .array(z.object({ id, title: label, section: text(80) }).strict())
      .min(1)
      .max(200),
  })
  .strict();
export type LessonIndex = z.infer<typeof lessonIndexSchema>;
