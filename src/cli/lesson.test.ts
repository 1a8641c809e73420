import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as cli } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'archplay-lesson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lessonFile = join(import.meta.dirname, '../../public/lessons/redundancy.json');
const lesson = JSON.parse(readFileSync(lessonFile, 'utf8'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('archplay lesson check', () => {
  it('exits 0 for the solution, one PASS line per check with its observed value and the worst seed', async () => {
    const r = await cli([
      'lesson',
      'check',
      lessonFile,
      file('solution.json', lesson.solution),
      '--jobs',
      '1',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^PASS {2}Shoppers wait no more than 250 ms at p99: system p99Ms = [\d.]+, needs <= 250 \(worst of seeds 1, 2, 3: [123]\)$/m,
    );
    expect(r.stdout).toContain('redundancy: 5 of 5 checks pass: passed');
  });

  it('exits 1 for the starter, naming each failed check and what it observed', async () => {
    const r = await cli(['lesson', 'check', lessonFile, file('starter.json', lesson.starter), '--jobs', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^FAIL {2}Once the crash is detected \(from 16 s\), no more than 1 % of requests fail: system errorRate over 16\.\.end s = [\d.]+, needs <= 0\.01/m,
    );
    expect(r.stdout).toMatch(/redundancy: \d of 5 checks pass: not passed yet/);
  });

  it('exits 3 when a limit stops a run, naming the seed and the flag that raises the limit', async () => {
    const r = await cli([
      'lesson',
      'check',
      lessonFile,
      file('limited.json', lesson.solution),
      '--jobs',
      '1',
      '--max-events',
      '1000',
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/redundancy: \d of 5 checks pass: not passed yet/);
    expect(r.stderr).toMatch(
      /^archplay lesson check: the run with seed 1 .*\(raise the limit with --max-events\)$/m,
    );
  });

  it('prints one JSON verdict with --json, the same for any number of jobs', async () => {
    const design = file('solution2.json', lesson.solution);
    const one = await cli(['lesson', 'check', lessonFile, design, '--json', '--jobs', '1']);
    const three = await cli(['lesson', 'check', lessonFile, design, '--json', '--jobs', '3']);
    expect(one.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const verdict = JSON.parse(one.stdout);
    expect(verdict.lesson).toBe('redundancy');
    expect(verdict.seeds).toEqual([1, 2, 3]);
    expect(verdict.checks.map((c: { id: string }) => c.id)).toEqual([
      'recovered',
      'errors',
      'served',
      'fast',
      'invariants',
    ]);
    expect(verdict.checks[0].bySeed).toHaveLength(3);
  });

  it('exits 1 naming the problem when the design lacks what the lesson measures', async () => {
    const design = structuredClone(lesson.starter);
    design.nodes[1].id = 'products';
    design.edges[0].target = 'products';
    design.scenario.faults = [];
    const r = await cli(['lesson', 'check', lessonFile, file('lost.json', design)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot be checked against redundancy');
    expect(r.stderr).toMatch(/keep\[1\]: .*your design/);
  });

  it('exits 2 naming the path of a problem in the lesson file', async () => {
    const broken = structuredClone(lesson);
    broken.hints = [];
    const path = file('broken.json', broken);
    const r = await cli(['lesson', 'check', path, file('d.json', lesson.starter)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: hints: a lesson needs at least one hint`);
  });

  it('exits 2 for an unknown subcommand, missing files or a bad --jobs, with the usage', async () => {
    for (const argv of [
      ['lesson'],
      ['lesson', 'run', lessonFile, lessonFile],
      ['lesson', 'check', lessonFile],
      ['lesson', 'check', lessonFile, lessonFile, '--jobs', '0'],
    ]) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Usage: archplay lesson check');
    }
    expect((await cli(['lesson', 'check', join(dir, 'none.json'), lessonFile])).code).toBe(2);
  });

  it('prints the usage with --help', async () => {
    const r = await cli(['lesson', '--help']);
    expect([r.code, r.stdout.startsWith('Usage: archplay lesson check')]).toEqual([0, true]);
  });
});
