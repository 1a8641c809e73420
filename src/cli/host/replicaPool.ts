import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ReplicaResult, type ReplicaTask, type RunLimits, runReplica } from '../../core';
import { wallWatch } from '../limitArgs';

/** What a replica worker posts back for a task. */
export type WorkerReply = { ok: true; result: ReplicaResult } | { ok: false; index: number; message: string };

/** What this thread posts to a replica worker: a task and the limits to run it under. */
export interface WorkerTask {
  task: ReplicaTask;
  limits?: Partial<RunLimits>;
  /** Wall-clock seconds the run may take (the worker starts its own clock). */
  maxWallSec?: number;
}

/** Runs one task under the limits, on whichever thread calls it. */
export function runWorkerTask({ task, limits, maxWallSec }: WorkerTask): ReplicaResult {
  return runReplica(task, { limits, watch: maxWallSec === undefined ? undefined : wallWatch(maxWallSec) });
}

/** How a host runs tasks. */
export interface RunTasksOptions {
  /** Runs at a time: this thread and jobs - 1 worker threads; 1 runs every task on this thread. */
  jobs: number;
  /** Called after each finished task with the count done. */
  onProgress?: (done: number, total: number) => void;
  /** The run limits over the defaults. */
  limits?: Partial<RunLimits>;
  /** Wall-clock seconds each run may take. */
  maxWallSec?: number;
}

/** The default --jobs: one run at a time per core the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

const BOOT = new URL('./workerBoot.mjs', import.meta.url);
/** Tasks a worker holds at once, so it never waits while this thread is busy running one itself. */
const PREFETCH = 2;

/** Lets queued messages (worker replies) be handled between two runs on this thread. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the tasks and returns their results in task order. With more than one job, this thread and
 * jobs - 1 worker threads take tasks from one shared queue (a slow task holds up no one, and this
 * thread works while the workers start); each result lands at its task's place, so the output never
 * depends on how many threads ran it. Workers are torn down when done or on the first error, which
 * rejects with the task named.
 */
export async function runTasks(
  tasks: readonly ReplicaTask[],
  options: RunTasksOptions,
): Promise<ReplicaResult[]> {
  const total = tasks.length;
  const workerCount = Math.min(options.jobs, total) - 1;
  const results = new Array<ReplicaResult>(total);
  // A shard's tasks keep their plan-wide indexes: results go back to the position each task was given.
  const positions = new Map(tasks.map((task, k) => [task.index, k]));
  let next = 0;
  let done = 0;
  let failure: Error | null = null;
  const finish = (result: ReplicaResult) => {
    results[positions.get(result.index)!] = result;
    done++;
    options.onProgress?.(done, total);
  };
  const workers: Worker[] = [];
  let wake: () => void = () => {};
  const settled = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const check = () => {
    if (failure !== null || done === total) wake();
  };
  const hosted = (task: ReplicaTask): WorkerTask => ({
    task,
    limits: options.limits,
    maxWallSec: options.maxWallSec,
  });
  const feed = (worker: Worker) => {
    if (next < total) worker.postMessage(hosted(tasks[next++]!));
  };
  for (let w = 0; w < workerCount; w++) {
    const worker = new Worker(BOOT);
    workers.push(worker);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.ok) {
        finish(reply.result);
        feed(worker);
      } else failure ??= new Error(`task ${reply.index}: ${reply.message}`);
      check();
    });
    worker.on('error', (error) => {
      failure ??= error;
      check();
    });
    worker.on('exit', (code) => {
      if (done < total)
        failure ??= new Error(`a replica worker exited (code ${code}) before the work was done`);
      check();
    });
    for (let k = 0; k < PREFETCH; k++) feed(worker);
  }
  try {
    while (next < total && failure === null) {
      const task = tasks[next++]!;
      try {
        finish(runWorkerTask(hosted(task)));
      } catch (error) {
        throw new Error(`task ${task.index}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (workerCount > 0) await yieldToEvents();
    }
    check();
    await settled;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure !== null) throw failure;
  return results;
}
