import * as Comlink from 'comlink';
import type { ArchDocument, Fault } from '../core/model/schema';
import type {
  Frame,
  LoadResult,
  LogQuery,
  RunReport,
  SimWorkerApi,
  Speed,
  StoredLogEntry,
  Trace,
  WalkthroughOptions,
  WalkthroughStepResult,
} from '../worker/protocol';
import { receiveFrame } from './frameTiming';
import { liveStore } from './liveStore';

type WorkerFactory = () => Worker;

/** The worker's run summary, as `archplay run --json` prints it. */

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'archplay-sim' });

/** What the worker's run was loaded from, so a restarted worker can load it again. */
type Restore = () => Promise<unknown>;

/**
 * The transport to the simulation worker on the main thread: creates it, forwards coarse commands,
 * feeds frames into the live store, and restarts it after a crash. It remembers no document: what
 * the worker has loaded belongs to the session (simSession.ts), which gives the bridge `restore`
 * to load it again after a restart. The document lives in the document store, so a dying worker
 * cannot take it along.
 */
class WorkerBridge {
  private worker: Worker | null = null;
  private api: Comlink.Remote<SimWorkerApi> | null = null;
  private generation = 0;
  /** Set by the session: loads into a restarted worker what the crashed one had. */
  restore: Restore | null = null;

  constructor(private readonly createWorker: WorkerFactory = defaultFactory) {}

  /** Starts the worker (idempotent). Resolves when it answers. */
  async start(): Promise<void> {
    if (this.worker) return;
    const generation = ++this.generation;
    liveStore.getState().setWorkerStatus(this.generation === 1 ? 'starting' : 'restarting');
    const worker = this.createWorker();
    this.worker = worker;
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.handleCrash(generation, event.message || 'the simulation worker failed');
    });
    worker.addEventListener('messageerror', () =>
      this.handleCrash(generation, 'a message from the worker could not be read'),
    );
    const api = Comlink.wrap<SimWorkerApi>(worker);
    this.api = api;
    try {
      await api.connect(Comlink.proxy((frame: Frame) => receiveFrame(frame)));
    } catch (error) {
      this.handleCrash(generation, errorMessage(error));
      return;
    }
    if (generation !== this.generation) return;
    liveStore.getState().setWorkerStatus('ready');
    if (generation > 1) await this.restore?.();
  }

  /** Loads a document into the worker; the run is reset to time zero. */
  async load(
    document: ArchDocument,
    options: { seed?: number; durationSec?: number } = {},
  ): Promise<LoadResult> {
    const api = await this.ready();
    const result = await api.load(document, options);
    if (result.ok) liveStore.getState().beginRun(result.layout);
    else liveStore.getState().setLoadErrors(result.errors);
    return result;
  }

  /** Loads a document as a walkthrough of one request. */
  async loadWalkthrough(
    document: ArchDocument,
    options: { seed?: number; durationSec?: number; walkthrough?: WalkthroughOptions } = {},
  ): Promise<LoadResult> {
    const api = await this.ready();
    const result = await api.loadWalkthrough(document, options);
    if (result.ok) liveStore.getState().beginRun(result.layout);
    else liveStore.getState().setLoadErrors(result.errors);
    return result;
  }

  /** Advances the walkthrough to its next hop; null when the worker has no run or failed. */
  async walkthroughStep(): Promise<WalkthroughStepResult | null> {
    try {
      const api = await this.ready();
      return await api.walkthroughStep();
    } catch (error) {
      liveStore.getState().setWorkerError(errorMessage(error));
      return null;
    }
  }

  run(): void {
    void this.call((api) => api.start());
  }

  pause(): void {
    void this.call((api) => api.pause());
  }

  step(count = 1): void {
    void this.call((api) => api.step(count));
  }

  /** Runs to the next request span (a request reaching a node); resolves with that node's id. */
  async stepToNextSpan(): Promise<string | null> {
    try {
      const api = await this.ready();
      return (await api.stepToNextSpan()).nodeId;
    } catch (error) {
      liveStore.getState().setWorkerError(errorMessage(error));
      return null;
    }
  }

  setSpeed(speed: Speed): void {
    liveStore.getState().setSpeed(speed);
    void this.call((api) => api.setSpeed(speed));
  }

  inject(fault: Fault): void {
    void this.call((api) => api.inject(fault));
  }

  reset(): void {
    liveStore.getState().resetRun();
    void this.call(async (api) => {
      const layout = await api.reset();
      if (layout) liveStore.getState().beginRun(layout);
    });
  }

  async traces(): Promise<Trace[]> {
    const api = await this.ready();
    return api.traces();
  }

  async queryLogs(query: LogQuery): Promise<StoredLogEntry[]> {
    const api = await this.ready();
    return api.queryLogs(query);
  }

  async summary(): Promise<RunReport | null> {
    const api = await this.ready();
    return api.summary();
  }

  /** Test hook: makes the worker throw, to exercise crash recovery. */
  crashForTest(): void {
    void this.call((api) => api.crash());
  }

  private async ready(): Promise<Comlink.Remote<SimWorkerApi>> {
    if (!this.api) await this.start();
    if (!this.api) throw new Error('the simulation worker is not available');
    return this.api;
  }

  private async call(command: (api: Comlink.Remote<SimWorkerApi>) => Promise<unknown>): Promise<void> {
    try {
      await command(await this.ready());
    } catch (error) {
      liveStore.getState().setWorkerError(errorMessage(error));
    }
  }

  private handleCrash(generation: number, message: string): void {
    if (generation !== this.generation) return;
    liveStore.getState().workerCrashed(message);
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    // Restart on the next task so a crash loop cannot monopolise the main thread.
    setTimeout(() => void this.start(), 250);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The application's bridge. */
export const workerBridge = new WorkerBridge();
