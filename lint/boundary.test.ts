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
  return lintFiles({ [path]: source });
}

/** Writes every file, then lints them together (an import cycle needs both of its ends on disk). */
function lintFiles(files: Record<string, string>): { failed: boolean; report: string } {
  for (const [path, source] of Object.entries(files)) {
    const file = join(sandbox, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, source);
  }
  const paths = Object.keys(files);
  const result = spawnSync(biome, ['lint', '--max-diagnostics=50', ...paths], {
    cwd: sandbox,
    encoding: 'utf8',
  });
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

describe("the layers inside src/core and the core's front door", () => {
  it('refuses a sim module that imports a component (imports run engine <- sim <- components <- run)', () => {
    const { failed, report } = lintAs(
      'src/core/sim/reach.ts',
      "import { ManagedRuntime } from '../components/runtimes/managedRuntime';\nexport const m = ManagedRuntime;\n",
    );
    expect(failed).toBe(true);
    expect(report).toMatch(/sim\/ imports no components/);
  });

  it('still refuses imports from outside src/core in a layer with rules of its own', () => {
    const { failed, report } = lintAs(
      'src/core/sim/ui.ts',
      "import { useState } from 'react';\nexport const s = useState;\n",
    );
    expect(failed).toBe(true);
    expect(report).toMatch(/imports nothing from outside src\/core/);
  });

  it('refuses a component that imports the run assembly', () => {
    const { failed, report } = lintAs(
      'src/core/components/runtimes/reach.ts',
      "import { createRun } from '../../run/createRun';\nexport const c = createRun;\n",
    );
    expect(failed).toBe(true);
    expect(report).toMatch(/components\/ and domain\/ import no kinds, run or analysis/);
  });

  it("refuses a kind's document part that imports its runtime part, and lets it import the model", () => {
    const bad = lintAs(
      'src/core/kinds/gateway/document.ts',
      "import { gatewayRuntime } from './runtime';\nimport { id } from '../../model/fields';\nexport const g = [gatewayRuntime, id];\n",
    );
    expect(bad.failed).toBe(true);
    expect(bad.report).toMatch(/The document sits at the bottom of src\/core/);
    const good = lintAs(
      'src/core/model/reach.ts',
      "import { kindDocuments } from '../kinds/documents';\nexport const k = kindDocuments;\n",
    );
    expect(good.failed, good.report).toBe(false);
  });

  it("refuses an analysis module that reaches the simulation, even through a kind's runtime part", () => {
    const { failed, report } = lintAs(
      'src/core/analysis/reach.ts',
      "import { gatewayRuntime } from '../kinds/gateway/runtime';\nexport const g = gatewayRuntime;\n",
    );
    expect(failed).toBe(true);
    expect(report).toMatch(/never the simulation/);
  });

  it('refuses a test builder in production code and allows it in a test', () => {
    const source = "import { buildDocument } from './run.testkit';\nexport const b = buildDocument;\n";
    const prod = lintAs('src/core/run/uses.ts', source);
    expect(prod.failed).toBe(true);
    expect(prod.report).toMatch(/for tests only/);
    const test = lintAs('src/core/run/uses.test.ts', source);
    expect(test.failed, test.report).toBe(false);
  });

  it('refuses deep core imports in the worker and the CLI, and allows the front door', () => {
    for (const path of ['src/worker/reach.ts', 'src/cli/reach.ts']) {
      const deep = lintAs(
        path,
        "import { createRun } from '../core/run/createRun';\nexport const c = createRun;\n",
      );
      expect(deep.failed).toBe(true);
      expect(deep.report).toMatch(/front door, src\/core\/index\.ts/);
      const door = lintAs(path, "import { createRun } from '../core';\nexport const c = createRun;\n");
      expect(door.failed, door.report).toBe(false);
    }
  });

  it('refuses an import cycle in src/core, even one of types only', () => {
    const { failed, report } = lintFiles({
      'src/core/sim/cycleA.ts': "import type { B } from './cycleB';\nexport interface A {\n  b: B;\n}\n",
      'src/core/sim/cycleB.ts': "import type { A } from './cycleA';\nexport interface B {\n  a: A;\n}\n",
    });
    expect(failed).toBe(true);
    expect(report).toMatch(/noImportCycles/);
  });
});

/** Two modules that import each other: `a` uses a value of `b`, `b` (only) a type of `a`. */
function twoFileCycle(dir: string, typeOnly = false): Record<string, string> {
  return {
    [`${dir}/a.ts`]: "import { b } from './b';\nexport interface A { b: number }\nexport const a = b + 1;\n",
    [`${dir}/b.ts`]: typeOnly
      ? "import type { A } from './a';\nexport const b = 1;\nexport const makeA = (): A => ({ b });\n"
      : "import { a } from './a';\nexport const b = 1;\nexport const twice = () => a * 2;\n",
  };
}

describe('no import cycles', () => {
  it('refuses two modules of src/ui that import each other', () => {
    const { failed, report } = lintFiles(twoFileCycle('src/ui/cycle'));
    expect(failed).toBe(true);
    expect(report).toMatch(/lint\/suspicious\/noImportCycles/);
  });

  it('refuses a cycle in src/state even when one side imports only a type', () => {
    const { failed, report } = lintFiles(twoFileCycle('src/state/cycle', true));
    expect(failed).toBe(true);
    expect(report).toMatch(/lint\/suspicious\/noImportCycles/);
  });

  it('allows the same two modules when only one imports the other', () => {
    const files = twoFileCycle('src/ui/chain');
    files['src/ui/chain/b.ts'] = 'export const b = 1;\n';
    const { failed, report } = lintFiles(files);
    expect(failed, report).toBe(false);
  });

  it('allows the cycle outside the folders the rule covers', () => {
    const { failed, report } = lintFiles(twoFileCycle('bench/cycle'));
    expect(failed, report).toBe(false);
  });
});

describe('the worker bridge boundary', () => {
  const reachBridge =
    "import { workerBridge } from '../../state/workerBridge';\nexport const run = () => workerBridge.run();\n";

  it('refuses an import of the worker bridge from src/ui', () => {
    const { failed, report } = lintAs('src/ui/live/RunButton.ts', reachBridge);
    expect(failed).toBe(true);
    expect(report).toMatch(/reaches the worker through src\/state\/simSession\.ts/);
  });

  it('allows the same import from src/state, where the session owns the bridge', () => {
    const { failed, report } = lintAs('src/state/live/runButton.ts', reachBridge);
    expect(failed, report).toBe(false);
  });
});

describe('the experiment pool boundary', () => {
  const reachPool =
    "import { runTasksInPool } from '../../state/experiments/workerPool';\nexport const run = () => runTasksInPool([]);\n";

  it('refuses an import of the pool transport from src/ui', () => {
    const { failed, report } = lintAs('src/ui/experiments/RunButton.ts', reachPool);
    expect(failed).toBe(true);
    expect(report).toMatch(/reaches the experiment pool through the stores in src\/state\/experiments/);
  });

  it('allows the same import from src/state, where the experiment stores own the pool', () => {
    const { failed, report } = lintAs('src/state/live/runButton.ts', reachPool);
    expect(failed, report).toBe(false);
  });
});
