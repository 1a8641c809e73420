import { type ArchDocument, createRun, type RunLimits } from './coreApi';
import { type ObservedRun, observeRun, type RunWatch } from './slo';

/** One run an experiment needs: a document (already varied and validated) and a seed. */
export interface ReplicaTask {
  /** Position of the task in its plan; results are put back in this order. */
  index: number;
  document: ArchDocument;
  seed: number;
}

/** What a host hands back for a task. */
export interface ReplicaResult extends ObservedRun {
  index: number;
}

/** How a host runs its tasks: the run limits over the defaults, and its own watch (a wall clock). */
export interface ReplicaOptions {
  limits?: Partial<RunLimits>;
  watch?: RunWatch;
}

/**
 * Runs one task to its end (or until a limit stops it) with no traces (they cost time and no
 * experiment reads them). Hosts (the CLI's worker threads, the app's Web Workers, or the caller's
 * own thread) all call this, so a result depends on the task and the limits alone, never on where it
 * ran (unless the host's own watch stops it).
 */
export function runReplica(task: ReplicaTask, options: ReplicaOptions = {}): ReplicaResult {
  const run = createRun(task.document, { seed: task.seed, traceSampleEvery: 0, limits: options.limits });
  return { index: task.index, ...observeRun(run, task.document, options.watch) };
}
