import { type ArchDocument, createRun } from './coreApi';
import { type ObservedRun, observeRun } from './slo';

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

/**
 * Runs one task to its end with no traces (they cost time and no experiment reads them). Hosts (the
 * CLI's worker threads, the app's Web Workers, or the caller's own thread) all call this, so a
 * result depends on the task alone, never on where it ran.
 */
export function runReplica(task: ReplicaTask): ReplicaResult {
  const run = createRun(task.document, { seed: task.seed, traceSampleEvery: 0 });
  return { index: task.index, ...observeRun(run, task.document) };
}
