import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

// The project's real Biome configuration, in a scratch tree, so fixtures never enter src/.
const sandbox = mkdtempSync(join(tmpdir(), 'archplay-lint-'));
const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
config.vcs = { enabled: false };
config.$schema = undefined;
writeFileSync(join(sandbox, 'biome.json'), JSON.stringify(config));
cpSync(join(root, 'lint'), join(sandbox, 'lint'), { recursive: true });

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Lints `source` as if it lived at `path` in the project, and returns Biome's verdict and report. */
function lintAs(path: string, source: string): { failed: boolean; report: string } {
  const file = join(sandbox, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  const result = spawnSync(biome, ['lint', '--max-diagnostics=50', path], { cwd: sandbox, encoding: 'utf8' });
  return { failed: result.status !== 0, report: `${result.stdout}\n${result.stderr}` };
}

describe('the src/core lint boundary', () => {
  it('refuses wall-clock time and Math.random in src/core', () => {
    const { failed, report } = lintAs(
      'src/core/engine/clock.ts',
      'export const t = Date.now() + Math.random();\n',
    );
    expect(failed).toBe(true);
    expect(report.match(/must stay deterministic/g)?.length).toBe(2);
  });

  it('refuses timers and DOM globals in src/core', () => {
    const { failed, report } = lintAs(
      'src/core/sim/dom.ts',
      'setTimeout(() => {}, 1);\nexport const title = document.title;\n',
    );
    expect(failed).toBe(true);
    expect(report).toMatch(/global variable setTimeout/);
    expect(report).toMatch(/global variable document/);
  });

  it('refuses imports from outside src/core', () => {
    const { failed, report } = lintAs(
      'src/core/model/reach.ts',
      "import { workerBridge } from '../../state/workerBridge';\nexport const b = workerBridge;\n",
    );
    expect(failed).toBe(true);
    expect(report).toMatch(/imports nothing from outside src\/core/);
  });

  it('allows the same code outside src/core', () => {
    const { failed, report } = lintAs('src/ui/clock.ts', 'export const t = Date.now() + Math.random();\n');
    expect(failed, report).toBe(false);
  });
});
