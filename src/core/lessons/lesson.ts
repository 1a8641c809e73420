import { checkedDocument } from './checkedDocument';
import {
  type ArchDocument,
  friendlyZodMessage,
  fromZodIssues,
  type ValidationIssue,
  validateDocument,
} from './coreApi';
import { metricPathIds } from './metricCheck';
import { type Lesson, lessonSchema } from './schema';

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; errors: ValidationIssue[] };

const prefixed = (prefix: string, issues: readonly ValidationIssue[]): ValidationIssue[] =>
  issues.map((i) => ({ path: i.path === '' ? prefix : `${prefix}.${i.path}`, message: i.message }));

/** Problems of a metric path: it must name ids the document has (or `*`). */
function pathProblems(path: string, where: string, document: ArchDocument): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  for (const ref of metricPathIds(path)) {
    const list: readonly { id: string }[] = ref.list === 'nodes' ? document.nodes : document.edges;
    if (!list.some((e) => ref.ids.includes(e.id)))
      problems.push({
        path: where,
        message: `"${path}" names no ${ref.list === 'nodes' ? 'node' : 'edge'} of the starting design (no id ${ref.ids.map((i) => `"${i}"`).join(' or ')})`,
      });
  }
  return problems;
}

/** Checks that the lesson's checks, kept fields and scenario name what `document` has. */
function referenceProblems(lesson: Lesson, document: ArchDocument, name: string): ValidationIssue[] {
  const checked = checkedDocument(lesson, document);
  const problems = checked.ok ? [] : prefixed(name, checked.errors);
  lesson.checks.forEach((check, i) => {
    if (check.kind !== 'metric') return;
    problems.push(...pathProblems(check.path, `${name}: checks[${i}].path`, document));
    if (typeof check.value !== 'number')
      problems.push(...pathProblems(check.value.path, `${name}: checks[${i}].value.path`, document));
  });
  return problems;
}

/**
 * Validates a lesson (parsed JSON): the schema, then the starter and the solution as archplay
 * documents, unique check ids, and every id the checks, kept fields and scenario name, which must
 * exist in the starter and in the solution. Never throws; every problem names its path.
 */
export function validateLesson(value: unknown): LessonResult {
  const parsed = lessonSchema.safeParse(value, { reportInput: true, error: friendlyZodMessage });
  if (!parsed.success) return { ok: false, errors: fromZodIssues(parsed.error.issues) };
  const input = parsed.data;
  const starter = validateDocument(input.starter);
  const solution = validateDocument(input.solution);
  const errors = [
    ...(starter.ok ? [] : prefixed('starter', starter.errors)),
    ...(solution.ok ? [] : prefixed('solution', solution.errors)),
  ];
  const seen = new Map<string, number>();
  input.checks.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined)
      errors.push({
        path: `checks[${i}].id`,
        message: `duplicate check id "${c.id}" (also checks[${first}])`,
      });
    else seen.set(c.id, i);
  });
  if (!starter.ok || !solution.ok || errors.length > 0) return { ok: false, errors };
  const lesson: Lesson = {
    ...input,
    starter: starter.document,
    solution: solution.document,
    seeds: input.seeds ?? [starter.document.scenario.seed],
  };
  errors.push(
    ...referenceProblems(lesson, lesson.starter, 'starter'),
    ...referenceProblems(lesson, lesson.solution, 'solution'),
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lesson };
}

/** Parses lesson text (a file): JSON syntax, then {@link validateLesson}. */
export function parseLesson(text: string): LessonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON (${String(error)})` }] };
  }
  return validateLesson(value);
}
