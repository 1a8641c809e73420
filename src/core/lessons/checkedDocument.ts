import { type ArchDocument, type Slo, type ValidationIssue, validateDocument } from './coreApi';
import { type Json, keepPath } from './keep';
import type { Lesson } from './schema';

/** The SLOs a lesson's `slo` checks stand for, with the check's id and label. */
function lessonSlos(lesson: Pick<Lesson, 'checks'>): Slo[] {
  return lesson.checks.flatMap((c): Slo[] => {
    if (c.kind !== 'slo') return [];
    const slo: Slo = {
      id: c.id,
      name: c.label,
      target: c.target,
      metric: c.metric,
      op: c.op,
      value: c.value,
    };
    if (c.fromSec !== undefined) slo.fromSec = c.fromSec;
    if (c.toSec !== undefined) slo.toSec = c.toSec;
    return [slo];
  });
}

/** Says where a problem of the checked document comes from, in the learner's terms. */
function explain(issue: ValidationIssue, lesson: Pick<Lesson, 'checks'>): ValidationIssue {
  const slo = /^scenario\.slos\[(\d+)\]/.exec(issue.path);
  if (slo !== null) {
    const sloChecks = lesson.checks.filter((c) => c.kind === 'slo');
    const check = sloChecks[Number(slo[1])];
    const index = check === undefined ? -1 : lesson.checks.indexOf(check);
    return { path: `checks[${index}]`, message: `"${check?.label}" cannot be measured: ${issue.message}` };
  }
  if (issue.path.startsWith('scenario.'))
    return { path: issue.path, message: `the lesson's scenario needs it: ${issue.message}` };
  return issue;
}

export type CheckedDocument = { ok: true; document: ArchDocument } | { ok: false; errors: ValidationIssue[] };

/**
 * The document a lesson's checks run: the design, with the fields the lesson keeps (`keep`) at the
 * starter's values, and the lesson's scenario (the starter's load changes, faults, duration and
 * shop, plus the design's faults of the kinds in `learnerFaults`) with the checks' SLOs. So the
 * incident is the lesson's whatever the design's timeline says, and the fix must be in the design.
 */
export function checkedDocument(
  lesson: Pick<Lesson, 'starter' | 'checks' | 'keep' | 'learnerFaults'>,
  design: ArchDocument,
): CheckedDocument {
  const raw = JSON.parse(JSON.stringify(design)) as { scenario: Json } & Record<string, Json>;
  const starter = JSON.parse(JSON.stringify(lesson.starter)) as Json;
  const errors: ValidationIssue[] = [];
  lesson.keep.forEach((path, i) => {
    const problem = keepPath(starter, raw, path);
    if (problem !== null)
      errors.push({ path: `keep[${i}]`, message: `the lesson holds ${path} as it set it, but ${problem}` });
  });
  if (errors.length > 0) return { ok: false, errors };
  const allowed = new Set<string>(lesson.learnerFaults);
  const own = design.scenario.faults.filter((f) => allowed.has(f.kind));
  const { slos: _designSlos, ...scenario } = lesson.starter.scenario;
  raw.scenario = JSON.parse(
    JSON.stringify({ ...scenario, faults: [...scenario.faults, ...own], slos: lessonSlos(lesson) }),
  ) as Json;
  const result = validateDocument(raw);
  if (result.ok) return { ok: true, document: result.document };
  return { ok: false, errors: result.errors.map((issue) => explain(issue, lesson)) };
}
