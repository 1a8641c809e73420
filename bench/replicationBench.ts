import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runTasks } from '../src/cli/host/replicaPool';
import { replicationSeed } from '../src/core/experiments/experiment';
import type { ReplicaTask } from '../src/core/experiments/replica';
import { documentSchema } from '../src/core/model/schema';

export interface ReplicationBenchResult {
  runs: number;
  simSec: number;
  /** Wall seconds of every run on one job (in process) and on two worker threads. */
  jobs1Sec: number;
  jobs2Sec: number;
  speedup: number;
  /** Cores the process kept busy during the best one-job round. */
  jobs1Cores: number;
  /** Cores the process kept busy during the best two-job round (CPU time over wall time, all threads). */
  jobs2Cores: number;
  /** The two hosts returned the same results, byte for byte. */
  identical: boolean;
}

const TEMPLATE = new URL('../public/examples/ecommerce.json', import.meta.url);
const RUNS = 8;
const SIM_SEC = 120;
/** Rounds of (1 job, 2 jobs), interleaved so a burst of load elsewhere hits both; the best of each counts. */
const ROUNDS = 2;

/**
 * `run --replications 8` of the e-commerce template (two simulated minutes each) on one job and on
 * two, as the CLI runs them: two jobs are this thread and one worker thread, whose start-up is
 * included in the time.
 */
export async function benchReplications(): Promise<ReplicationBenchResult> {
  const raw = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { scenario: { durationSec: number } };
  raw.scenario.durationSec = SIM_SEC;
  const document = documentSchema.parse(raw);
  const tasks: ReplicaTask[] = Array.from({ length: RUNS }, (_, r) => ({
    index: r,
    document,
    seed: replicationSeed(document.scenario.seed, r),
  }));
  const time = async (jobs: number) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const results = await runTasks(tasks, { jobs });
    const sec = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    return { sec, cores: (used.user + used.system) / 1e6 / sec, text: JSON.stringify(results) };
  };
  let jobs1Sec = Number.POSITIVE_INFINITY;
  let jobs2Sec = Number.POSITIVE_INFINITY;
  let jobs1Cores = 0;
  let jobs2Cores = 0;
  let identical = true;
  for (let round = 0; round < ROUNDS; round++) {
    const one = await time(1);
    const two = await time(2);
    if (one.sec < jobs1Sec) jobs1Cores = one.cores;
    jobs1Sec = Math.min(jobs1Sec, one.sec);
    if (two.sec < jobs2Sec) jobs2Cores = two.cores;
    jobs2Sec = Math.min(jobs2Sec, two.sec);
    identical &&= one.text === two.text;
  }
  return {
    runs: RUNS,
    simSec: document.scenario.durationSec,
    jobs1Sec,
    jobs2Sec,
    speedup: jobs1Sec / jobs2Sec,
    jobs1Cores,
    jobs2Cores,
    identical,
  };
}
