import { describe, expect, it } from 'vitest';
import { checkLesson, type Lesson, parseLesson } from '../core';
import { checkInSlices } from './lessonCheck';

const text = import.meta.glob<string>('../../public/lessons/redundancy.json', {
  query: '?raw',
  import: 'default',
  eager: true,
})['../../public/lessons/redundancy.json']!;

function redundancy(): Lesson {
  const parsed = parseLesson(text);
  if (!parsed.ok) throw new Error('the redundancy lesson must be valid');
  return parsed.lesson;
}

/** Hooks that yield through a queue the test drains, with a clock that moves 200 ms per read. */
function steppedHooks() {
  const queue: (() => void)[] = [];
  const progress: number[] = [];
  let clock = 0;
  const hooks = {
    nowMs: () => (clock += 200),
    yieldThen: (fn: () => void) => queue.push(fn),
    onProgress: (share: number) => progress.push(share),
  };
  const drain = () => {
    let slices = 0;
    while (queue.length > 0) {
      queue.shift()!();
      slices++;
    }
    return slices;
  };
  return { hooks, progress, drain };
}

describe('checkInSlices', () => {
  it('gives the verdict of checkLesson, over many slices, yielding between them', async () => {
    const lesson = redundancy();
    const { hooks, drain } = steppedHooks();
    const pending = checkInSlices(lesson, lesson.solution, hooks);
    expect(drain()).toBeGreaterThan(3);
    expect(await pending).toEqual(checkLesson(lesson, lesson.solution));
  });

  it('reports progress that only grows and ends at 1', async () => {
    const lesson = redundancy();
    const { hooks, progress, drain } = steppedHooks();
    const pending = checkInSlices(lesson, lesson.starter, hooks);
    drain();
    await pending;
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('answers at once, with the problems, for a design that lacks what the lesson keeps', async () => {
    const lesson = redundancy();
    const design = structuredClone(lesson.starter);
    design.nodes[1]!.id = 'products';
    design.edges[0]!.target = 'products';
    design.scenario.faults = [];
    const { hooks } = steppedHooks();
    const outcome = await checkInSlices(lesson, design, hooks);
    expect(outcome.ok).toBe(false);
  });
});
