import {
  type ArchDocument,
  createRun,
  type Fault,
  type LogQuery,
  type Run,
  type RunOptions,
  type RunReport,
  SloObserver,
  type StoredLogEntry,
  type Trace,
  validateDocument,
  type WalkthroughOptions,
  type WalkthroughStepResult,
} from '../core';
import type { Frame, FrameSink, LoadResult, RunLayout, RunStatus, SimWorkerApi, Speed } from './protocol';
import { type Advanceable, type LoopClock, SliceLoop } from './sliceLoop';

/**
 * The worker's side of the boundary, free of comlink so it can be tested in Node: owns the run,
 * drives it with the slice loop, and pushes frames latest-wins (a frame is built only when the
 * previous one was taken, so a slow main thread gets the newest state, never a backlog).
 */
export class SimHost implements SimWorkerApi {
  private document: ArchDocument | null = null;
  private options: RunOptions = {};
  private run: Run | null = null;
  /** Judges the document's SLOs; the loop drives the run through it so window readings are on time. */
  private slos: SloObserver | null = null;
  private driven: Advanceable | null = null;
  private runId = 0;
  private seq = 0;
  private status: RunStatus = 'idle';
  private sink: FrameSink | null = null;
  private frameInFlight = false;
  private frameDirty = false;
  private eventsPerSec = 0;
  private warning: string | null = null;
  private readonly loop: SliceLoop;

  constructor(clock: LoopClock) {
    this.loop = new SliceLoop(() => this.driven, clock, {
      onFrame: ({ eventsPerSec, warning }) => {
        this.eventsPerSec = eventsPerSec;
        this.warning = warning;
        this.pushFrame();
      },
      onDone: () => {
        this.status = 'done';
        this.pushFrame();
      },
    });
  }

  /** Loads a document; `limits` (the defaults in the app) lets tests stop a run early. */
  async load(
    document: ArchDocument,
    options: { seed?: number; durationSec?: number; limits?: RunOptions['limits'] } = {},
  ): Promise<LoadResult> {
    // The worker trusts nothing that crosses: the document is validated again here.
    const result = validateDocument(document);
    if (!result.ok) return { ok: false, errors: result.errors };
    this.document = result.document;
    this.options = options;
    return { ok: true, layout: this.restart() };
  }

  async loadWalkthrough(
    document: ArchDocument,
    options: { seed?: number; durationSec?: number; walkthrough?: WalkthroughOptions } = {},
  ): Promise<LoadResult> {
    const result = validateDocument(document);
    if (!result.ok) return { ok: false, errors: result.errors };
    this.document = result.document;
    this.options = { ...options, walkthrough: options.walkthrough ?? {} };
    return { ok: true, layout: this.restart() };
  }

  walkthroughStep(): WalkthroughStepResult | null {
    if (!this.run) return null;
    if (this.loop.isRunning) this.loop.stop();
    const result = this.run.walkthroughStep();
    this.slos?.observe();
    this.status = this.run.done ? 'done' : 'paused';
    this.pushFrame();
    return result;
  }

  connect(sink: FrameSink): void {
    this.sink = sink;
  }

  start(): void {
    if (!this.run || this.run.done) return;
    this.status = 'running';
    this.loop.start();
    this.pushFrame();
  }

  pause(): void {
    this.loop.stop();
    if (this.status === 'running') this.status = 'paused';
    this.pushFrame();
  }

  step(count = 1): void {
    if (!this.run) return;
    if (this.loop.isRunning) this.loop.stop();
    for (let i = 0; i < count && !this.run.done; i++) {
      this.run.step();
      this.slos?.observe();
    }
    this.status = this.run.done ? 'done' : 'paused';
    this.pushFrame();
  }

  stepToNextSpan(): { nodeId: string | null; nowMs: number } {
    if (!this.run) return { nodeId: null, nowMs: 0 };
    if (this.loop.isRunning) this.loop.stop();
    const result = this.run.stepToNextSpan();
    this.slos?.observe();
    this.status = this.run.done ? 'done' : 'paused';
    this.pushFrame();
    return { nodeId: result.nodeId, nowMs: result.nowMs };
  }

  setSpeed(speed: Speed): void {
    this.loop.setSpeed(speed);
  }

  inject(fault: Fault): void {
    if (!this.run) return;
    this.run.inject(fault);
    this.pushFrame();
  }

  async reset(): Promise<RunLayout | null> {
    if (!this.document) return null;
    return this.restart();
  }

  /** The run summary; once the run is over, with `slos` when the document declares SLOs (as `run --json`). */
  summary(): RunReport | null {
    if (!this.run) return null;
    const summary = this.run.summary();
    if (!this.run.done || !this.slos || this.document?.scenario.slos === undefined) return summary;
    return { ...summary, slos: this.slos.results(summary) };
  }

  traces(): Trace[] {
    return this.run ? this.run.traces() : [];
  }

  queryLogs(query: LogQuery): StoredLogEntry[] {
    return this.run ? this.run.queryLogs(query) : [];
  }

  crash(): void {
    // Thrown outside any comlink handler so it reaches the worker's global error event.
    setTimeout(() => {
      throw new Error('simulated worker crash (test hook)');
    }, 0);
  }

  private restart(): RunLayout {
    this.loop.stop();
    const document = this.document!;
    const run = createRun(document, this.options);
    const slos = new SloObserver(run, document);
    slos.observe();
    this.run = run;
    this.slos = slos;
    this.driven = {
      get nowMs() {
        return run.nowMs;
      },
      get done() {
        return run.done;
      },
      advance(untilMs, maxEvents) {
        // Stop at an SLO window's end so its reading is taken there; the next slice goes on.
        const result = run.advance(Math.min(untilMs, slos.nextStopMs()), maxEvents);
        slos.observe();
        return result;
      },
    };
    this.runId++;
    this.seq = 0;
    this.status = 'idle';
    this.eventsPerSec = 0;
    this.warning = null;
    this.frameDirty = false;
    const layout = this.run.layout();
    return { runId: this.runId, ...layout };
  }

  private pushFrame(): void {
    if (!this.sink || !this.run) return;
    if (this.frameInFlight) {
      this.frameDirty = true;
      return;
    }
    this.frameInFlight = true;
    const frame = this.buildFrame(this.run);
    const done = () => {
      this.frameInFlight = false;
      if (this.frameDirty) {
        this.frameDirty = false;
        this.pushFrame();
      }
    };
    Promise.resolve(this.sink(frame)).then(done, done);
  }

  private buildFrame(run: Run): Frame {
    // A run that is not running sends no further frame: its frame carries the whole rest of the log.
    const snapshot = run.snapshot(this.status !== 'running');
    return {
      runId: this.runId,
      seq: ++this.seq,
      status: this.status,
      nowMs: snapshot.nowMs,
      events: snapshot.events,
      eventsPerSec: this.status === 'running' ? this.eventsPerSec : 0,
      totals: snapshot.totals,
      nodeStats: snapshot.nodeStats,
      edgeStats: snapshot.edgeStats,
      failuresSoFar: snapshot.failuresSoFar,
      nodeFailures: snapshot.nodeFailures,
      edgeFailures: snapshot.edgeFailures,
      log: snapshot.log,
      // A stop says more than any warning about the run's pace.
      warning: run.stopped ? null : this.warning,
      stopped: run.stopped,
      slos: this.slos?.live() ?? [],
    };
  }
}
