import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli as cli } from './cliHarness';
import { EXIT_INVALID, EXIT_OK, EXIT_STOPPED } from './io';
import { mutatedDocument } from './mutations.testkit';

/**
 * Hundreds of mutated examples in the unit suite; ARCHPLAY_FUZZ_RUNS=5000 (and ARCHPLAY_FUZZ_SEED to
 * replay one) runs the bigger search.
 */
const RUNS = Number(process.env.ARCHPLAY_FUZZ_RUNS ?? 300);
const SEED =
  process.env.ARCHPLAY_FUZZ_SEED === undefined ? undefined : Number(process.env.ARCHPLAY_FUZZ_SEED);
/** Enough events for faults, timers and the first seconds of traffic; a run past them stops with exit 3. */
const RUN_ARGS = ['--json', '--max-events', '60000', '--max-wall-sec', '20'];

/**
 * Fields of the summary that are null by design: a read model without a source, a stop naming no
 * node, an alert still firing at the end.
 */
const NULLABLE = new Set(['source', 'nodeId', 'resolvedAtMs']);

/** Paths of numbers that are not finite (JSON.stringify writes NaN and Infinity as null). */
function nonFinitePaths(value: unknown, path = '', out: string[] = []): string[] {
  if (value === null) {
    if (!NULLABLE.has(path.slice(path.lastIndexOf('.') + 1))) out.push(path);
  } else if (typeof value === 'number' && !Number.isFinite(value)) out.push(path);
  else if (typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nonFinitePaths(v, `${path}.${k}`, out);
  return out;
}

describe('robustness over mutated examples', () => {
  it(`validate and run end only with exit 0, 2 or 3, valid JSON, finite numbers and invariants that hold (${RUNS} documents)`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDocument, async ({ seed, text }) => {
        const checked = await cli(['validate', '-'], text);
        expect([EXIT_OK, EXIT_INVALID], `${seed}: ${checked.stderr}`).toContain(checked.code);
        if (checked.code === EXIT_INVALID) {
          // Every problem is a `path: message` line (the count of those left unlisted aside), never a
          // stack trace.
          for (const line of checked.stderr.trimEnd().split('\n'))
            expect(line).toMatch(/^\S.*: \S|^\.\.\. and \d+ more problems?$/);
          expect(checked.stderr).not.toContain('internal error');
          return;
        }
        const run = await cli(['run', '-', ...RUN_ARGS], text);
        expect([EXIT_OK, EXIT_STOPPED], `${seed}: ${run.stderr}`).toContain(run.code);
        const summary = JSON.parse(run.stdout);
        expect(summary.invariants, seed).toEqual({ ok: true, violations: [] });
        // A stop names no node only when none stands out.
        expect(
          nonFinitePaths(summary).filter((p) => p !== '.stopped.nodeId'),
          seed,
        ).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);
});
