import { Stopwatch } from './clock';
import { sevenHopDocument } from './documents';
import { openRun } from './simAdapter';
import { median } from './stats';

export interface FlowOptions {
  ratePerSec: number;
  simSec: number;
  warmupSimSec: number;
  rounds: number;
}

export const defaultFlowOptions: FlowOptions = { ratePerSec: 2000, simSec: 100, warmupSimSec: 20, rounds: 3 };

/** The flow's figures in one process: its rounds and their median. */
export interface FlowRounds {
  requestsPerSec: number;
  roundsRequestsPerSec: number[];
  /** The same per second of process CPU time: what an idle machine would show. */
  requestsPerCpuSec: number;
  completed: number;
  ok: number;
  eventsPerRequest: number;
}

/**
 * Simulated client requests completed per wall-clock second through the 7-hop chain: the whole
 * run (building it from the document, advancing, summarising) is timed, after a warm-up run. The
 * rounds follow each other as an experiment's runs do, with no forced collection in between.
 *
 * NOTE: a full collection forced between two runs finds no object of the run's classes alive, so it
 * collects their hidden classes, and V8 throws away every optimized function that checks for them
 * ("weak objects"): each round then started with the request path interpreted (236 deoptimizations
 * in 6 runs, rounds 5-10 % slower). Back-to-back runs keep the classes alive and pay none of that.
 */
export function measureFlow(options: FlowOptions): FlowRounds {
  runOnce(options.ratePerSec, options.warmupSimSec);
  const runs = [];
  for (let round = 0; round < options.rounds; round++) runs.push(runOnce(options.ratePerSec, options.simSec));
  const perSec = runs.map((r) => r.completed / r.wallSec);
  const perCpuSec = runs.map((r) => r.completed / r.cpuSec);
  const first = runs[0]!;
  return {
    requestsPerSec: median(perSec),
    roundsRequestsPerSec: perSec,
    requestsPerCpuSec: median(perCpuSec),
    completed: first.completed,
    ok: first.ok,
    eventsPerRequest: first.events / Math.max(1, first.completed),
  };
}

function runOnce(ratePerSec: number, simSec: number) {
  const document = sevenHopDocument(ratePerSec, simSec);
  const watch = new Stopwatch();
  watch.start();
  const run = openRun(document);
  run.advanceTo(simSec * 1000);
  const totals = run.totals();
  watch.stop();
  const completed = totals.ok + totals.failed;
  return { wallSec: watch.wallSec, cpuSec: watch.cpuSec, completed, ok: totals.ok, events: totals.events };
}
