import { describe, expect, it } from 'vitest';
import { validateDocument } from '../model/validate';
import { checkLesson, type Lesson, type LessonOutcome, lessonIndexSchema, parseLesson } from '.';
import { lessonVariants, patched } from './lessonVariants.testkit';

const files = import.meta.glob<string>('../../../public/lessons/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const fileOf = (id: string) => `../../../public/lessons/${id}.json`;
const index = lessonIndexSchema.parse(JSON.parse(files[fileOf('index')]!));

function lessonOf(id: string): Lesson {
  const parsed = parseLesson(files[fileOf(id)]!);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.lesson;
}

/** The failed checks of an outcome, as `id: observed` (or the reason it could not be checked). */
function failures(outcome: LessonOutcome): string[] {
  if (!outcome.ok) return outcome.errors.map((e) => `${e.path}: ${e.message}`);
  return outcome.verdict.checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.observed} (${c.note ?? ''})`);
}

function checkDesign(lesson: Lesson, design: unknown): LessonOutcome {
  const valid = validateDocument(design);
  if (!valid.ok) throw new Error(valid.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return checkLesson(lesson, valid.document);
}

/** The learning path of the seed, in its order. */
const SECTIONS = [
  'Basics and failure models',
  'Microservices',
  'Communication',
  'Service mesh',
  'Event-driven architecture',
  'Event sourcing and CQRS',
  'Applications',
];

describe('the learning path (public/lessons)', () => {
  it('lists at least 12 lessons, each in a file of its own with the same id and title', () => {
    expect(index.lessons.length).toBeGreaterThanOrEqual(12);
    for (const entry of index.lessons) {
      const lesson = lessonOf(entry.id);
      expect([lesson.id, lesson.title]).toEqual([entry.id, entry.title]);
    }
  });

  it('lists every lesson file exactly once', () => {
    const listed = index.lessons.map((l) => fileOf(l.id)).sort();
    const stored = Object.keys(files)
      .filter((f) => !f.endsWith('/index.json'))
      .sort();
    expect(listed).toEqual(stored);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("follows the seed's learning path: every section, in order", () => {
    const sections = index.lessons.map((l) => l.section).filter((s, i, all) => all.indexOf(s) === i);
    expect(sections).toEqual(SECTIONS);
  });

  it('has other right designs and plausible wrong ones for every lesson', () => {
    expect(Object.keys(lessonVariants).sort()).toEqual(index.lessons.map((l) => l.id).sort());
    for (const variants of Object.values(lessonVariants)) {
      expect(variants.right.length).toBeGreaterThan(0);
      expect(variants.wrong.length).toBeGreaterThan(0);
    }
  });
});

describe.each(index.lessons.map((l) => [l.id]))('lesson %s', (id) => {
  const lesson = lessonOf(id);
  const variants = lessonVariants[id] ?? { right: [], wrong: [] };

  it('has a goal, one to three hints and an explanation', () => {
    expect(lesson.goal.length).toBeGreaterThan(40);
    expect(lesson.hints.length).toBeGreaterThanOrEqual(1);
    expect(lesson.hints.length).toBeLessThanOrEqual(3);
    expect(lesson.explanation.length).toBeGreaterThan(100);
  });

  it('its starter fails its checks', () => {
    const outcome = checkLesson(lesson, lesson.starter);
    expect(outcome.ok).toBe(true);
    expect(failures(outcome).length).toBeGreaterThan(0);
  });

  it('its solution passes every check on every seed', () => {
    expect(failures(checkLesson(lesson, lesson.solution))).toEqual([]);
  });

  it.each(variants.right.map((v) => [v.name, v.patch] as const))(
    'another right design passes: %s',
    (_, patch) => {
      expect(failures(checkDesign(lesson, patched(lesson.starter, patch)))).toEqual([]);
    },
  );

  it.each(variants.wrong.map((v) => [v.name, v.patch] as const))('a wrong design fails: %s', (_, patch) => {
    const outcome = checkDesign(lesson, patched(lesson.starter, patch));
    expect(outcome.ok).toBe(true);
    expect(failures(outcome).length).toBeGreaterThan(0);
  });
});
