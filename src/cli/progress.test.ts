import { describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { createProgress, progressLine } from './progress';

function capture(terminal: boolean): { io: CliIo; err: () => string } {
  let err = '';
  return {
    io: {
      stdout: () => {},
      stderr: (t) => {
        err += t;
      },
      stderrIsTerminal: terminal,
    },
    err: () => err,
  };
}

describe('progress', () => {
  it('draws a bar of 30 cells with the runs done', () => {
    expect(progressLine('sweep', 12, 36)).toBe(`sweep [${'#'.repeat(10)}${'.'.repeat(20)}] 12/36 runs`);
    expect(progressLine('run', 3, 3)).toBe(`run [${'#'.repeat(30)}] 3/3 runs`);
  });

  it('redraws in place on a terminal and erases itself when finished', () => {
    const { io, err } = capture(true);
    const p = createProgress(io, 'run', false);
    p.update(1, 2);
    p.update(1, 2);
    p.update(2, 2);
    p.finish();
    const drawn = err()
      .split('\r')
      .filter((x) => x !== '');
    expect(drawn).toHaveLength(3);
    expect(drawn[1]).toBe(progressLine('run', 2, 2));
    expect(drawn[2]!.trim()).toBe('');
  });

  it('stays quiet in a pipe and with --json', () => {
    for (const [terminal, json] of [
      [false, false],
      [true, true],
    ] as const) {
      const { io, err } = capture(terminal);
      const p = createProgress(io, 'run', json);
      p.update(1, 1);
      p.finish();
      expect(err()).toBe('');
    }
  });
});
