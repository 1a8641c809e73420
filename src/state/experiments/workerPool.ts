import * as Comlink from 'comlink';
import type { ArchDocument } from '../../core/model/schema';
import type {
  ExportFormat,
  ExportResult,
  ImportFormat,
  ImportResult,
  PoolExportOptions,
  PoolWorkerApi,
  ReplicaTask,
  TaskRecord,
} from '../../worker/protocol';

/**
 * The experiment pool's transport: Web Workers apart from the live run's, one per spare core, each
 * running pool.worker.ts. Only src/state uses it (a lint rule keeps src/ui away, as from the live
 * worker's bridge). A job creates its workers and terminates them when it ends, fails or is
 * cancelled, so Cancel really stops the work and an idle page holds no pool worker.
 */

/** One pool worker as a job uses it. */
export interface PoolWorker {
  runTask(task: ReplicaTask, keepSummary?: boolean): Promise<TaskRecord>;
  exportDocument(
    document: ArchDocument,
    format: ExportFormat,
    options: PoolExportOptions,
    onProgress?: (share: number) => void,
  ): Promise<ExportResult>;
  importText(text: string, from: ImportFormat): Promise<ImportResult>;
  /** Rejects when the worker dies (it failed to load or crashed), so a job never waits forever. */
  readonly failed: Promise<never>;
  terminate(): void;
}

export type PoolWorkerFactory = () => PoolWorker;

/** A job running on pool workers: its result, and a Cancel that terminates its workers at once. */
export interface PoolJob<T> {
  readonly result: Promise<T>;
  cancel(): void;
}

/** What a cancelled job's result rejects with. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

function createWebWorker(): PoolWorker {
  const worker = new Worker(new URL('../../worker/pool.worker.ts', import.meta.url), {
    type: 'module',
    name: 'archplay-pool',
  });
  const api = Comlink.wrap<PoolWorkerApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'an experiment worker failed'));
    });
    worker.addEventListener('messageerror', () =>
      reject(new Error('a message from an experiment worker could not be read')),
    );
  });
  // A job listens to `failed`; a worker that dies after its job is over has no one to tell.
  failed.catch(() => {});
  return {
    runTask: (task, keepSummary) => api.runTask(task, keepSummary),
    exportDocument: (document, format, options, onProgress) =>
      api.exportDocument(document, format, options, onProgress ? Comlink.proxy(onProgress) : undefined),
    importText: (text, from) => api.importText(text, from),
    failed,
    terminate: () => worker.terminate(),
  };
}

/** Workers an experiment runs on: one per core the live run's worker and the page leave spare, at least one. */
function poolSize(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 2;
  return Math.max(1, cores - 1);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface RunTasksOptions {
  /** Workers to start (at most one per task); default {@link poolSize}. */
  size?: number;
  onProgress?: (done: number, total: number) => void;
  /** Told how many workers run, when they start and when they stop (0). */
  onWorkers?: (count: number) => void;
  /** Keeps task 0's whole summary in its record (what `run --replications` prints first). */
  keepFirstSummary?: boolean;
  createWorker?: PoolWorkerFactory;
}

/**
 * Runs planned tasks on pool workers from one shared queue and gives their records back in task
 * order, never in the order they finished, so a result does not depend on how many workers ran it
 * (as in the CLI's host). The first failure rejects with the task named and stops every worker.
 */
export function runTasksInPool(
  tasks: readonly ReplicaTask[],
  options: RunTasksOptions = {},
): PoolJob<TaskRecord[]> {
  const create = options.createWorker ?? createWebWorker;
  const total = tasks.length;
  const count = total === 0 ? 0 : Math.max(1, Math.min(options.size ?? poolSize(), total));
  const records = new Array<TaskRecord>(total);
  const positions = new Map(tasks.map((task, k) => [task.index, k]));
  const workers: PoolWorker[] = [];
  let next = 0;
  let done = 0;
  let settle: { resolve: (r: TaskRecord[]) => void; reject: (e: Error) => void } | null = null;
  const result = new Promise<TaskRecord[]>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const stop = () => {
    for (const w of workers) w.terminate();
    if (workers.length > 0) options.onWorkers?.(0);
    workers.length = 0;
  };
  const finish = (outcome: { ok: true } | { ok: false; error: Error }) => {
    const s = settle;
    if (s === null) return;
    settle = null;
    stop();
    if (outcome.ok) s.resolve(records);
    else s.reject(outcome.error);
  };
  const feed = (worker: PoolWorker) => {
    if (settle === null || next >= total) return;
    const task = tasks[next++]!;
    worker.runTask(task, options.keepFirstSummary === true && task.index === 0).then(
      (record) => {
        if (settle === null) return;
        records[positions.get(task.index)!] = record;
        done++;
        options.onProgress?.(done, total);
        if (done === total) finish({ ok: true });
        else feed(worker);
      },
      (error) => finish({ ok: false, error: new Error(`task ${task.index}: ${errorMessage(error)}`) }),
    );
  };
  if (total === 0) finish({ ok: true });
  for (let w = 0; w < count; w++) workers.push(create());
  if (count > 0) options.onWorkers?.(count);
  for (const worker of [...workers]) {
    worker.failed.catch((error) => finish({ ok: false, error: new Error(errorMessage(error)) }));
    // One task at a time per worker: the last tasks go to whichever worker is free, and the message
    // between two tasks costs nothing next to a run.
    feed(worker);
  }
  return { result, cancel: () => finish({ ok: false, error: new JobCancelled() }) };
}

/** Runs one call (an export, an import) on a pool worker of its own, terminated when the call ends. */
export function runInPoolWorker<T>(
  call: (worker: PoolWorker) => Promise<T>,
  createWorker: PoolWorkerFactory = createWebWorker,
): PoolJob<T> {
  const worker = createWorker();
  let cancel: () => void = () => {};
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => reject(new JobCancelled());
  });
  const result = Promise.race([call(worker), worker.failed, cancelled]).finally(() => worker.terminate());
  return { result, cancel };
}
