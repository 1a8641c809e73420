/**
 * The lessons' public face: a lesson of the learning path is data (a starter design, checks as SLOs,
 * metric assertions and invariants, hints, a solution), checked by the experiments' SLO code. The
 * CLI (`archplay lesson check`) and the app's worker call the same functions, so a verdict is the
 * same everywhere.
 */
import { checkedDocument } from './checkedDocument';
import { LessonCheckRun } from './checkRun';
import type { ArchDocument, ReplicaTask, ValidationIssue } from './coreApi';
import type { LessonVerdict } from './judge';
import type { Lesson } from './schema';

export { LessonCheckRun } from './checkRun';
export type { CheckVerdict, LessonVerdict } from './judge';
export { judgeLesson } from './judge';
export { parseLesson, validateLesson } from './lesson';
export type { Lesson, LessonIndex } from './schema';
export { lessonIndexSchema } from './schema';

/** A verdict, or why the design could not be checked (`ok` says which, not whether it passed). */
export type LessonOutcome = { ok: true; verdict: LessonVerdict } | { ok: false; errors: ValidationIssue[] };

export type LessonTasks = { ok: true; tasks: ReplicaTask[] } | { ok: false; errors: ValidationIssue[] };

/**
 * The runs a check of `design` against `lesson` needs: the checked document (the design under the
 * lesson's scenario, givens and SLOs) once per seed of the lesson. Problems (a design that lost a
 * node the lesson measures) come back as `path: message`.
 */
export function lessonTasks(lesson: Lesson, design: ArchDocument): LessonTasks {
  const checked = checkedDocument(lesson, design);
  if (!checked.ok) return checked;
  return {
    ok: true,
    tasks: lesson.seeds.map((seed, index) => ({ index, seed, document: checked.document })),
  };
}

/** Checks a design against a lesson on this thread, to the end: the tests' and a one-job host's way. */
export function checkLesson(lesson: Lesson, design: ArchDocument): LessonOutcome {
  const planned = lessonTasks(lesson, design);
  if (!planned.ok) return planned;
  const run = new LessonCheckRun(lesson, planned.tasks);
  while (!run.done) run.advance(Number.POSITIVE_INFINITY);
  return { ok: true, verdict: run.verdict() };
}
