import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import {
  type CapacityJson,
  capacityTarget,
  compareDocuments,
  type ExperimentHeader,
  fingerprint,
  parseVary,
  plannedTasks,
  searchCapacity,
  sweepDocuments,
  type TaskRecord,
} from '../../core/experiments';
import type { ArchDocument } from '../../core/model/schema';
import { documentStore } from '../documentStore';
import { type CompareOutcome, compareMetricPaths, type NamedDocument } from './compareView';
import type { ReplicationsOutcome } from './replicationsView';
import type { SweepForm } from './sweepChoices';
import type { SweepOutcome } from './sweepView';
import { JobCancelled, type PoolJob, type PoolWorkerFactory, runTasksInPool } from './workerPool';

/**
 * The Experiment panel's state and actions: sweeps and comparisons planned by the same pure planner
 * as `archplay sweep` and `archplay compare` (src/core/experiments), run on the experiment pool. The
 * panel reads this store and calls these functions; it never reaches the pool's workers.
 */

/** The Experiment panel's modes, each a kind of experiment. */
export type ExperimentKind = 'sweep' | 'replications' | 'compare' | 'capacity';

/** The experiment running now: what it is, its runs done of all, and the workers running them. */
interface ExperimentJob {
  kind: ExperimentKind;
  done: number;
  total: number;
  workers: number;
  /** A capacity search's current step (1-based) and the rate it tries. */
  step?: { index: number; ratePerSec: number };
}

/** How the last experiment of a kind ended when it did not give a result. */
interface ExperimentNotice {
  kind: ExperimentJob['kind'];
  tone: 'error' | 'info';
  lines: string[];
}

interface ExperimentState {
  /** The panel's open mode. */
  tab: ExperimentKind;
  job: ExperimentJob | null;
  /** The sweep form as last edited (null: the panel proposes one for the document). */
  sweepForm: SweepForm | null;
  sweep: SweepOutcome | null;
  replications: ReplicationsOutcome | null;
  compare: CompareOutcome | null;
  capacity: CapacityOutcome | null;
  notice: ExperimentNotice | null;
}

/** A capacity search as the panel asked for it: which client, which SLOs (none: all), how many runs a step. */
export interface CapacityForm {
  client: string;
  slos: string[];
  replications: number;
  tolerance: number;
}

/** A finished capacity search: what `archplay capacity --json` prints, and the design it searched. */
export interface CapacityOutcome {
  json: CapacityJson;
  documentName: string;
  replications: number;
}

export const experimentStore = createStore<ExperimentState>()(() => ({
  tab: 'sweep',
  job: null,
  sweepForm: null,
  sweep: null,
  replications: null,
  compare: null,
  capacity: null,
  notice: null,
}));

export function useExperiment<T>(selector: (s: ExperimentState) => T): T {
  return useStore(experimentStore, selector);
}

/** Runs at most this many runs in one experiment, so a typo cannot keep the machine busy for hours. */
export const MAX_RUNS = 2000;

let running: PoolJob<TaskRecord[]> | null = null;
/** Set by Cancel while a sweep is still being planned (before its runs start). */
let cancelRequested = false;
/** Where pool workers come from: Web Workers in the app; tests run the same host in-process. */
let createWorker: PoolWorkerFactory | undefined;

/** Replaces the pool's workers (tests run PoolHost in-process, where there are no Web Workers). */
export function setPoolWorkerFactory(factory: PoolWorkerFactory | undefined): void {
  createWorker = factory;
}

/** Lets the page paint and handle input between two slices of planning work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs planned tasks on the pool, keeping the job's progress in the store; null when cancelled. */
async function runOnPool(
  kind: ExperimentJob['kind'],
  tasks: Parameters<typeof runTasksInPool>[0],
  keepFirstSummary = false,
  step?: ExperimentJob['step'],
) {
  experimentStore.setState({ job: { kind, done: 0, total: tasks.length, workers: 0, step }, notice: null });
  const job = runTasksInPool(tasks, {
    createWorker,
    keepFirstSummary,
    onProgress: (done, total) =>
      experimentStore.setState((s) => ({ job: s.job && { ...s.job, done, total } })),
    onWorkers: (workers) => experimentStore.setState((s) => ({ job: s.job && { ...s.job, workers } })),
  });
  running = job;
  try {
    return await job.result;
  } finally {
    running = null;
  }
}

function endWith(kind: ExperimentJob['kind'], error: unknown): void {
  const job = experimentStore.getState().job;
  const notice: ExperimentNotice =
    error instanceof JobCancelled
      ? { kind, tone: 'info', lines: [`Cancelled after ${job?.done ?? 0} of ${job?.total ?? 0} runs.`] }
      : { kind, tone: 'error', lines: [error instanceof Error ? error.message : String(error)] };
  experimentStore.setState({ job: null, notice });
}

export function setExperimentTab(tab: ExperimentState['tab']): void {
  experimentStore.setState({ tab });
}

export function setSweepForm(form: SweepForm): void {
  experimentStore.setState({ sweepForm: form });
}

/** Problems of a sweep form before anything runs, as `path: message` lines. */
function checkForm(form: SweepForm): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(form.replications) || form.replications < 1 || form.replications > 100)
    problems.push(`replications: must be an integer from 1 to 100, got ${form.replications}`);
  if (!Number.isInteger(form.steps) || form.steps < 2 || form.steps > 50)
    problems.push(`steps: must be an integer from 2 to 50, got ${form.steps}`);
  if (!Number.isFinite(form.from) || !Number.isFinite(form.to))
    problems.push('range: from and to must be numbers');
  if (problems.length === 0 && form.steps * form.replications > MAX_RUNS)
    problems.push(`${form.steps} points x ${form.replications} replications is more than ${MAX_RUNS} runs`);
  return problems;
}

/**
 * Sweeps the current document over one field: the points' documents are varied and validated one at
 * a time (the page stays responsive), planned as the CLI plans them (point p, replication r: task
 * p * N + r, seed S + r) and run on the pool.
 */
export async function runSweep(form: SweepForm): Promise<void> {
  if (experimentStore.getState().job) return;
  const fail = (lines: string[]) =>
    experimentStore.setState({ notice: { kind: 'sweep', tone: 'error', lines } });
  const problems = checkForm(form);
  if (problems.length > 0) return fail(problems);
  const parameter = parseVary(`${form.path}=${form.from}:${form.to}:${form.steps}`);
  if ('error' in parameter) return fail([parameter.error]);
  const document = documentStore.getState().document;
  experimentStore.setState({ job: { kind: 'sweep', done: 0, total: 0, workers: 0 }, notice: null });
  cancelRequested = false;
  const documents: ArchDocument[] = [];
  const errors: string[] = [];
  for (const value of parameter.values) {
    const point = sweepDocuments(document, [{ path: parameter.path, values: [value] }]);
    if (point.ok) documents.push(...point.documents);
    else errors.push(...point.errors.filter((e) => !errors.includes(e)));
    await nextTask();
    if (cancelRequested) return endWith('sweep', new JobCancelled());
  }
  if (errors.length > 0) {
    experimentStore.setState({ job: null });
    return fail(errors);
  }
  const header: ExperimentHeader = {
    command: 'sweep',
    documentHash: fingerprint(JSON.stringify(document)),
    seed: document.scenario.seed,
    replications: form.replications,
    parameters: [parameter],
    metrics: [],
    slos: document.scenario.slos ?? [],
    taskCount: documents.length * form.replications,
  };
  try {
    const records = await runOnPool('sweep', plannedTasks(documents, header));
    experimentStore.setState({ job: null, sweep: { header, records, documentName: document.name } });
  } catch (error) {
    endWith('sweep', error);
  }
}

/**
 * Runs the current document over seeds S..S+N-1 as `archplay run --replications N` does: every
 * number of the summary as a mean with its 95 % interval, and the SLOs judged on their intervals.
 */
export async function runReplications(replications: number): Promise<void> {
  if (experimentStore.getState().job) return;
  if (!Number.isInteger(replications) || replications < 2 || replications > 200) {
    const lines = [`replications: must be an integer from 2 to 200, got ${replications}`];
    experimentStore.setState({ notice: { kind: 'replications', tone: 'error', lines } });
    return;
  }
  const document = documentStore.getState().document;
  const header: ExperimentHeader = {
    command: 'run',
    documentHash: fingerprint(JSON.stringify(document)),
    seed: document.scenario.seed,
    replications,
    parameters: [],
    metrics: [],
    slos: document.scenario.slos ?? [],
    taskCount: replications,
  };
  try {
    const records = await runOnPool('replications', plannedTasks([document], header), true);
    experimentStore.setState({ job: null, replications: { header, records, document } });
  } catch (error) {
    endWith('replications', error);
  }
}

/**
 * Compares two designs as `archplay compare` does: both run over the same seeds (the first design's
 * scenario seed, S..S+N-1), every node's main numbers compared with Welch's test.
 */
export async function runCompare(a: NamedDocument, b: NamedDocument, replications: number): Promise<void> {
  if (experimentStore.getState().job) return;
  if (!Number.isInteger(replications) || replications < 2 || replications > 100) {
    experimentStore.setState({
      notice: {
        kind: 'compare',
        tone: 'error',
        lines: [`replications: must be an integer from 2 to 100, got ${replications}`],
      },
    });
    return;
  }
  let records: TaskRecord[] = [];
  try {
    const result = await compareDocuments(a.document, b.document, {
      replications,
      metrics: compareMetricPaths(a.document, b.document),
      run: async (tasks) => {
        records = await runOnPool('compare', tasks);
        return records;
      },
    });
    const outcome: CompareOutcome = {
      a,
      b,
      replications,
      result,
      records: { a: records.slice(0, replications), b: records.slice(replications) },
    };
    experimentStore.setState({ job: null, compare: outcome });
  } catch (error) {
    endWith('compare', error);
  }
}

/** Problems of a capacity form before anything runs, as `path: message` lines. */
function checkCapacityForm(form: CapacityForm): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(form.replications) || form.replications < 1 || form.replications > 50)
    problems.push(`replications: must be an integer from 1 to 50, got ${form.replications}`);
  if (!(form.tolerance >= 0.0001 && form.tolerance <= 0.5))
    problems.push(`tolerance: must be a number from 0.0001 to 0.5, got ${form.tolerance}`);
  return problems;
}

/**
 * Searches the highest rate of one client at which the SLOs hold, as `archplay capacity` does (the
 * same search in src/core/experiments, so the same bytes): each step runs its replications on the
 * pool, and the progress names the step and the rate it tries.
 */
export async function runCapacity(form: CapacityForm): Promise<void> {
  if (experimentStore.getState().job) return;
  const fail = (lines: string[]) =>
    experimentStore.setState({ notice: { kind: 'capacity', tone: 'error', lines } });
  const problems = checkCapacityForm(form);
  if (problems.length > 0) return fail(problems);
  const document = documentStore.getState().document;
  const target = capacityTarget(document, form.client, form.slos);
  if ('error' in target) return fail([target.error]);
  let index = 0;
  experimentStore.setState({ job: { kind: 'capacity', done: 0, total: 0, workers: 0 }, notice: null });
  try {
    const found = await searchCapacity(
      document,
      target,
      { replications: form.replications, tolerance: form.tolerance },
      (tasks, ratePerSec) => runOnPool('capacity', tasks, false, { index: ++index, ratePerSec }),
    );
    if ('errors' in found) {
      experimentStore.setState({ job: null });
      return fail(found.errors);
    }
    experimentStore.setState({
      job: null,
      capacity: { json: found.json, documentName: document.name, replications: form.replications },
    });
  } catch (error) {
    endWith('capacity', error);
  }
}

/** Stops the running experiment: its workers are terminated at once. */
export function cancelExperiment(): void {
  cancelRequested = true;
  running?.cancel();
}

export function dismissExperimentNotice(): void {
  experimentStore.setState({ notice: null });
}
