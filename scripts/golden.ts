/**
 * Golden runs: `archplay run --json` of every shipped example under several seeds, written to one
 * directory, so a change that must not alter results (a refactor, a speed-up) is checked byte for
 * byte: `npm run golden -- <dir>` before and after, then `diff -r before after`.
 *
 * Usage: tsx scripts/golden.ts <out-dir> [--seeds 1,7,2026] [--duration 30]
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/cliHarness';

const examplesDir = join(import.meta.dirname, '../public/examples');

const { values, positionals } = parseArgs({
  options: { seeds: { type: 'string', default: '1,7,2026' }, duration: { type: 'string', default: '30' } },
  allowPositionals: true,
});
const outDir = positionals[0];
if (outDir === undefined) {
  console.error('usage: tsx scripts/golden.ts <out-dir> [--seeds 1,7,2026] [--duration 30]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json') && f !== 'index.json');
let failed = 0;
for (const file of examples.sort()) {
  for (const seed of values.seeds.split(',')) {
    const args = ['run', join(examplesDir, file), '--json', '--seed', seed, '--duration', values.duration];
    const { code, stdout, stderr } = await runCli(args);
    const name = `${file.replace(/\.json$/, '')}.seed${seed}.json`;
    writeFileSync(join(outDir, name), stdout + (stderr ? `\n--- stderr (exit ${code})\n${stderr}` : ''));
    if (code !== 0) failed++;
    console.log(`${name}: exit ${code}, ${stdout.length} bytes`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
