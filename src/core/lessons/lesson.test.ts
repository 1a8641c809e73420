import { describe, expect, it } from 'vitest';
import { checkLesson, parseLesson, validateLesson } from '.';

const files = import.meta.glob<string>('../../../public/lessons/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});
/** A fresh copy of a shipped lesson, as parsed JSON, to break in one place. */
const raw = (id: string) => JSON.parse(files[`../../../public/lessons/${id}.json`]!);

function errorsOf(value: unknown): string[] {
  const result = validateLesson(value);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('validateLesson', () => {
  it('accepts a shipped lesson and settles its seeds and documents', () => {
    const result = validateLesson(raw('redundancy'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lesson.seeds).toEqual([1, 2, 3]);
    expect(result.lesson.starter.nodes.map((n) => n.id)).toEqual(['shoppers', 'catalog']);
  });

  it('takes the seed of the starter when the lesson names none', () => {
    const lesson = raw('redundancy');
    delete lesson.seeds;
    lesson.starter.scenario.seed = 7;
    const result = validateLesson(lesson);
    expect(result.ok && result.lesson.seeds).toEqual([7]);
  });

  it('names the path of a missing or wrong field', () => {
    const lesson = raw('redundancy');
    delete lesson.goal;
    lesson.hints = ['one', 'two', 'three', 'four'];
    lesson.format = 'lesson';
    const errors = errorsOf(lesson);
    expect(errors).toEqual([
      'format: must be "archplay-lesson", got "lesson"',
      'goal: required field is missing (expected a string)',
      'hints: at most three hints, got a list of 4',
    ]);
  });

  it('reports the problems of the starter and the solution as documents, under their names', () => {
    const lesson = raw('redundancy');
    lesson.starter.nodes[1].config.instances = 0;
    lesson.solution.edges[0].target = 'nowhere';
    const errors = errorsOf(lesson);
    expect(errors.some((e) => e.startsWith('starter.nodes[1].config.instances: '))).toBe(true);
    expect(errors.some((e) => e.startsWith('solution.edges[0].target: ') && e.includes('nowhere'))).toBe(
      true,
    );
  });

  it('names an SLO target the starter lacks', () => {
    const lesson = raw('redundancy');
    lesson.checks[0].target = 'search';
    const errors = errorsOf(lesson);
    expect(errors.some((e) => e.startsWith('starter.checks[0]: ') && e.includes('search'))).toBe(true);
  });

  it('names a metric path whose node or edge the starter lacks', () => {
    const lesson = raw('slow-dependency');
    lesson.checks.push({
      kind: 'metric',
      id: 'trips',
      label: 'The breaker opens',
      path: 'edges.shop-search.breaker.transitionsTotal',
      op: '>=',
      value: 1,
    });
    const errors = errorsOf(lesson);
    expect(errors).toContain(
      `starter: checks[${lesson.checks.length - 1}].path: "edges.shop-search.breaker.transitionsTotal" names no edge of the starting design (no id "shop-search" or "shop-search.breaker")`,
    );
  });

  it('names a kept field on a node the starter lacks', () => {
    const lesson = raw('redundancy');
    lesson.keep.push('nodes.search.config.workload');
    const errors = errorsOf(lesson);
    expect(
      errors.some((e) => e.startsWith('starter.keep[2]: ') && e.includes('"search.config.workload"')),
    ).toBe(true);
  });

  it('refuses two checks with one id, naming both', () => {
    const lesson = raw('redundancy');
    lesson.checks[1].id = lesson.checks[0].id;
    expect(errorsOf(lesson)).toContain('checks[1].id: duplicate check id "recovered" (also checks[0])');
  });

  it('says so when the text is not JSON', () => {
    const result = parseLesson('{ "format": ');
    expect(!result.ok && result.errors[0]!.path).toBe('(root)');
  });
});

describe('checking a design', () => {
  it("runs the lesson's incident whatever the design's timeline says: removing the crash does not pass", () => {
    const result = validateLesson(raw('redundancy'));
    if (!result.ok) throw new Error('the redundancy lesson must be valid');
    const design = structuredClone(result.lesson.starter);
    design.scenario.faults = [];
    design.scenario.durationSec = 5;
    const outcome = checkLesson(result.lesson, design);
    expect(outcome.ok && outcome.verdict.ok).toBe(false);
  });

  it("holds the lesson's givens: a lighter workload on the design does not pass", () => {
    const result = validateLesson(raw('redundancy'));
    if (!result.ok) throw new Error('the redundancy lesson must be valid');
    const design = structuredClone(result.lesson.starter);
    const shoppers = design.nodes.find((n) => n.id === 'shoppers')!;
    if (shoppers.kind !== 'client') throw new Error('shoppers is a client');
    shoppers.config.workload = { kind: 'open', arrival: 'poisson', ratePerSec: 1 };
    const outcome = checkLesson(result.lesson, design);
    expect(outcome.ok && outcome.verdict.ok).toBe(false);
  });

  it('reports a design that lost a node the lesson measures as a problem, not a verdict', () => {
    const result = validateLesson(raw('redundancy'));
    if (!result.ok) throw new Error('the redundancy lesson must be valid');
    const design = structuredClone(result.lesson.starter);
    design.nodes = design.nodes.filter((n) => n.id !== 'catalog');
    design.edges = [];
    const outcome = checkLesson(result.lesson, design);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(
      outcome.errors.some((e) => e.path.startsWith('keep[1]') && e.message.includes('your design')),
    ).toBe(true);
  });
});
