import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ReplicaResult, type ReplicaTask, runReplica } from '../../core/experiments/replica';

/** What a replica worker posts back for a task. */
export type WorkerReply = { ok: true; result: ReplicaResult } | { ok: false; index: number; message: string };

/** How a host runs tasks. */
export interface RunTasksOptions {
  /** Worker threads to use; 1 runs every task on this thread. */
  jobs: number;
  /** Called after each finished task with the count done. */
  onProgress?: (done: number, total: number) => void;
}

/** The default --jobs: one worker per core the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

const BOOT = new URL('./workerBoot.mjs', import.meta.url);

function runInProcess(tasks: readonly ReplicaTask[], options: RunTasksOptions): ReplicaResult[] {
  return tasks.map((task, k) => {
    const result = runReplica(task);
    options.onProgress?.(k + 1, tasks.length);
    return result;
  });
}

/**
 * Runs the tasks and returns their results in task order. With more than one job, a pool of worker
 * threads takes tasks one at a time from a shared queue (a slow task holds up no other worker); each
 * result lands at its task's place, so the output never depends on how many workers ran it. The
 * pool is torn down when done or on the first error, which rejects with the task named.
 */
export async function runTasks(
  tasks: readonly ReplicaTask[],
  options: RunTasksOptions,
): Promise<ReplicaResult[]> {
  const jobs = Math.min(options.jobs, tasks.length);
  if (jobs <= 1) return runInProcess(tasks, options);
  const results = new Array<ReplicaResult>(tasks.length);
  // A shard's tasks keep their plan-wide indexes: results go back to the position each task was given.
  const positions = new Map(tasks.map((task, k) => [task.index, k]));
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next < tasks.length) worker.postMessage(tasks[next++]);
      };
      for (let w = 0; w < jobs; w++) {
        const worker = new Worker(BOOT);
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if (!reply.ok) {
            reject(new Error(`task ${reply.index}: ${reply.message}`));
            return;
          }
          results[positions.get(reply.result.index)!] = reply.result;
          done++;
          options.onProgress?.(done, tasks.length);
          if (done === tasks.length) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (done < tasks.length)
            reject(new Error(`a replica worker exited (code ${code}) before the work was done`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
