import { describe, expect, it } from 'vitest';
import { sliceQueue } from './sliceQueue';

/** A scheduler whose frames the test runs by hand. */
function manualFrames() {
  const frames: (() => void)[] = [];
  return {
    schedule: (run: () => void) => {
      frames.push(run);
    },
    next: () => frames.shift()?.(),
    waiting: () => frames.length,
  };
}

describe('sliceQueue', () => {
  it('runs the jobs in the order queued, at most perFrame of them per frame', () => {
    const frames = manualFrames();
    const queue = sliceQueue(2, frames.schedule);
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) queue(() => ran.push(i));
    expect(ran).toEqual([]);
    frames.next();
    expect(ran).toEqual([0, 1]);
    frames.next();
    expect(ran).toEqual([0, 1, 2, 3]);
    frames.next();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(frames.waiting()).toBe(0);
  });

  it('drops a cancelled job that has not run, and runs the others', () => {
    const frames = manualFrames();
    const queue = sliceQueue(10, frames.schedule);
    const ran: string[] = [];
    queue(() => ran.push('a'));
    const cancel = queue(() => ran.push('b'));
    queue(() => ran.push('c'));
    cancel();
    frames.next();
    expect(ran).toEqual(['a', 'c']);
  });

  it('schedules one frame for many jobs queued together, and a new one once the queue ran empty', () => {
    const frames = manualFrames();
    const queue = sliceQueue(10, frames.schedule);
    queue(() => {});
    queue(() => {});
    expect(frames.waiting()).toBe(1);
    frames.next();
    queue(() => {});
    expect(frames.waiting()).toBe(1);
  });
});
