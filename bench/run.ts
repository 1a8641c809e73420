import { cpus, loadavg } from 'node:os';
import { parseBenchArgs } from './args';
import { benchEcommerceLongRun } from './ecommerceLongRunBench';
import { benchEngine } from './engineBench';
import { benchFlow } from './flowBench';
import { benchLongRun } from './longRunBench';
import { benchProblems } from './problemsBench';
import { benchReplications } from './replicationBench';
import { type BenchResults, toJson, toTable } from './report';

/**
 * `npm run bench [-- --json] [-- --only engine|flow|longRun|ecommerceLongRun|replications|problems]`: measures and reports; it asserts no
 * timing. It exits non-zero only when the comparison itself is broken (peers ran different models).
 */
async function main(): Promise<number> {
  let args: ReturnType<typeof parseBenchArgs>;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const progress = (message: string): void => {
    process.stderr.write(`${message}\n`);
  };
  const results: BenchResults = {};
  if (args.parts.includes('engine')) {
    progress('bench: engine hold model (archplay, SIM.JS, js-simulator, object heap)...');
    results.engine = benchEngine();
  }
  if (args.parts.includes('flow')) {
    progress('bench: 7-hop request flow...');
    results.flow = await benchFlow();
  }
  if (args.parts.includes('longRun')) {
    progress('bench: one simulated hour at 1 k req/s...');
    results.longRun = benchLongRun();
  }
  if (args.parts.includes('ecommerceLongRun')) {
    progress('bench: the e-commerce template for one simulated hour...');
    results.ecommerceLongRun = benchEcommerceLongRun();
  }
  if (args.parts.includes('replications')) {
    progress('bench: 8 replications of the e-commerce template on 1 and on 2 jobs...');
    results.replications = await benchReplications();
  }
  if (args.parts.includes('problems')) {
    progress('bench: the problems list of a 300-node design...');
    results.problems = benchProblems();
  }
  if (args.json) {
    // A shared machine's load decides the wall figures: it travels with them.
    const machine = { cores: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
    console.log(JSON.stringify({ machine, ...toJson(results) }));
  } else {
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    console.log(`machine: ${cpus().length} cores, load average ${load} (1/5/15 min) at the end`);
    console.log(toTable(results));
  }

  if (results.replications && !results.replications.identical) {
    console.error('bench: 1 and 2 worker threads gave different results; replications are not deterministic');
    return 1;
  }
  const mismatches = results.engine?.mismatches ?? [];
  if (mismatches.length > 0) {
    console.error('bench: the engines did not run the same model; the comparison is invalid:');
    for (const problem of mismatches) console.error(`  ${problem}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
