import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from './bundleForNode';
import { defaultFlowOptions, type FlowOptions, type FlowRounds, measureFlow } from './flowRounds';
import { median } from './stats';

/** Processes the bundled rounds run in, one after the other (see benchFlow). */
const FLOW_PROCESSES = 3;

export interface FlowResult extends FlowRounds {
  /** Each bundled process's median requests/s; the top-level figures are the medians of these. */
  processesRequestsPerSec: number[];
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
 * module, in processes of their own (nothing measured before shares their heap or compiled code).
 * The top-level figures are the medians over FLOW_PROCESSES processes of each one's median round;
 * `throughTsx` repeats the rounds in this process, from the modules as tsx loads them.
 *
 * NOTE: several processes, because one process and the next differ by up to 10 % on the same code:
 * which calls V8 inlines depends on the order in which functions get hot, which differs from run to
 * run (docs/architecture.md, "What V8 made of the code"). A single process's figure was a draw.
 */
export async function benchFlow(
  options: FlowOptions = defaultFlowOptions,
  processes = FLOW_PROCESSES,
): Promise<FlowResult> {
  const dir = mkdtempSync(join(tmpdir(), 'archplay-flow-'));
  try {
    const bundle = await bundleForNode('bench/flowChild.ts', dir);
    const runs: FlowRounds[] = [];
    for (let p = 0; p < processes; p++) runs.push(runBundled(bundle, options));
    const throughTsx = measureFlow(options);
    return {
      ...runs[0]!,
      requestsPerSec: median(runs.map((r) => r.requestsPerSec)),
      requestsPerCpuSec: median(runs.map((r) => r.requestsPerCpuSec)),
      roundsRequestsPerSec: runs.flatMap((r) => r.roundsRequestsPerSec),
      processesRequestsPerSec: runs.map((r) => r.requestsPerSec),
      throughTsx,
      ratePerSec: options.ratePerSec,
      simSec: options.simSec,
      rounds: options.rounds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rounds of one process running the bundle. */
function runBundled(bundle: string, options: FlowOptions): FlowRounds {
  const child = spawnSync(process.execPath, [bundle, JSON.stringify(options)], { encoding: 'utf8' });
  if (child.status !== 0)
    throw new Error(`bundled flow bench failed (exit ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout) as FlowRounds;
}
