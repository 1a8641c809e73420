import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from './bundleForNode';
import { defaultFlowOptions, type FlowOptions, type FlowRounds, measureFlow } from './flowRounds';

export interface FlowResult extends FlowRounds {
  /**
   * The same rounds with the core's modules loaded one by one through tsx, as `archplay` runs them.
   * Each import is then a module binding the JIT compiler reads at run time instead of a constant
   * it folds (about 15 % more instructions a request than bundled, a few per cent of wall time).
   */
  throughTsx: FlowRounds;
  ratePerSec: number;
  simSec: number;
  rounds: number;
}

/**
 * The 7-hop flow measured as the product runs it in the browser: the core bundled by Vite into one
 * module, in a process of its own (nothing measured before it shares its heap or its compiled code).
 * The top-level figures are that process's; `throughTsx` repeats the rounds in this process, from
 * the modules as tsx loads them.
 */
export async function benchFlow(options: FlowOptions = defaultFlowOptions): Promise<FlowResult> {
  const dir = mkdtempSync(join(tmpdir(), 'archplay-flow-'));
  try {
    const bundle = await bundleForNode('bench/flowChild.ts', dir);
    const child = spawnSync(process.execPath, [bundle, JSON.stringify(options)], {
      encoding: 'utf8',
    });
    if (child.status !== 0)
      throw new Error(`bundled flow bench failed (exit ${child.status}):\n${child.stderr}`);
    const bundled = JSON.parse(child.stdout) as FlowRounds;
    const throughTsx = measureFlow(options);
    return {
      ...bundled,
      throughTsx,
      ratePerSec: options.ratePerSec,
      simSec: options.simSec,
      rounds: options.rounds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
