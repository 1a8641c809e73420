/**
 * Everything that crosses the worker boundary. Only plain, structured-cloneable data: the main
 * thread imports these types and nothing else from the worker.
 */
import type {
  ArchDocument,
  EventLogEntry,
  ExportFormat,
  ExportOptions,
  ExportResult,
  Fault,
  ImportFormat,
  ImportResult,
  Lesson,
  LessonOutcome,
  LiveSloResult,
  LogQuery,
  ReplicaTask,
  RunReport,
  RunStop,
  StoredLogEntry,
  TaskRecord,
  Trace,
  ValidationIssue,
  WalkthroughOptions,
  WalkthroughStepResult,
} from '../core';

export type {
  BreakerState,
  ExportFormat,
  ExportResult,
  ImportFormat,
  ImportResult,
  Lesson,
  LessonOutcome,
  LiveSloResult,
  LogLevel,
  LogQuery,
  NodeSummary,
  ReplicaTask,
  RunReport,
  RunStop,
  Severity,
  Span,
  StoredLogEntry,
  TaskRecord,
  Trace,
  ValidationIssue,
  WalkthroughEvent,
  WalkthroughOptions,
  WalkthroughSaga,
  WalkthroughStepResult,
} from '../core';

/** Playback speed: a multiple of real time, or as fast as the engine can go. */
export type Speed = 1 | 10 | 100 | 'max';

export type RunStatus = 'idle' | 'running' | 'paused' | 'done';

export type { CauseName } from '../core';
/**
 * The columns of {@link Frame.nodeStats} and {@link Frame.edgeStats}: read a number by its name,
 * `frame.nodeStats[i * NODE_STRIDE + NODE_COL.p99Ms]`, never by its position.
 */
/**
 * The breaker states' numbers in the `breakerState` column, and how people read each state; the
 * failure causes' codes (the index of {@link Frame.failuresSoFar}, the `cause` column of
 * {@link Frame.nodeFailures}), their names in code order and how people read each cause.
 */
export {
  BREAKER_LABELS,
  BREAKER_NONE,
  breakerStateOf,
  CAUSE,
  CAUSE_INFO,
  EDGE_COL,
  EDGE_STRIDE,
  FAILURE_CAUSES,
  FAILURE_COL,
  FAILURE_STRIDE,
  NODE_COL,
  NODE_STRIDE,
} from '../core';

/** One entry of the run's event log. */
export type LogEntry = EventLogEntry;

/** Sent once per load: the order in which frames list nodes and edges ("ids once, numbers after"). */
export interface RunLayout {
  runId: number;
  nodeIds: string[];
  edgeIds: string[];
  durationMs: number;
  seed: number;
}

/**
 * A telemetry frame, pushed latest-wins at 4–10 Hz. `runId` changes on every load or reset so the
 * main thread can drop frames that arrive late from a previous run.
 */
export interface Frame {
  runId: number;
  seq: number;
  status: RunStatus;
  nowMs: number;
  events: number;
  /** Engine events per wall-clock second over the last slice window. */
  eventsPerSec: number;
  totals: { total: number; ok: number; failed: number; inFlight: number };
  /** NODE_STRIDE numbers per node, in RunLayout.nodeIds order. */
  nodeStats: Float64Array;
  /** EDGE_STRIDE numbers per edge, in RunLayout.edgeIds order. */
  edgeStats: Float64Array;
  /**
   * The system's (clients') failures so far by cause code (`[CAUSE.timeout]`): running totals, so a
   * chart's rate between two frames counts every failure, however far apart the frames are.
   */
  failuresSoFar: Float64Array;
  /** Failures so far by cause of the nodes that had any: FAILURE_STRIDE numbers per entry (index in nodeIds, cause, count). */
  nodeFailures: Uint32Array;
  /** Failed calls so far by cause of the edges that had any, as nodeFailures (index in edgeIds). */
  edgeFailures: Uint32Array;
  /** Event-log entries appended since the previous frame (capped). */
  log: LogEntry[];
  /** A warning the UI should show, e.g. when the model is too heavy to keep up. */
  warning: string | null;
  /**
   * Why a limit stopped the run (the limit, the node that filled up, the simulated time), or null;
   * a stopped run's status is `done` and its numbers are those up to the stop.
   */
  stopped: RunStop | null;
  /**
   * Each SLO of the document read so far (document order; empty without SLOs), from the same
   * observer that gives the final verdicts: once a window is over its reading is the verdict.
   */
  slos: LiveSloResult[];
}

export type LoadResult = { ok: true; layout: RunLayout } | { ok: false; errors: ValidationIssue[] };

/** The callback the main thread registers to receive frames. */
export type FrameSink = (frame: Frame) => void;

/** The worker's API, exposed through comlink. Commands are coarse: never one call per event. */
export interface SimWorkerApi {
  /** Loads a document (validated in the worker too) and resets the run. */
  load(document: ArchDocument, options?: { seed?: number; durationSec?: number }): Promise<LoadResult>;
  /**
   * Loads a document for a walkthrough: one request from one client at time zero, fully traced;
   * reset() goes back to its start.
   */
  loadWalkthrough(
    document: ArchDocument,
    options?: { seed?: number; durationSec?: number; walkthrough?: WalkthroughOptions },
  ): Promise<LoadResult>;
  /** Advances the walkthrough to its next hop (bounded) and pushes a frame. */
  walkthroughStep(): WalkthroughStepResult | null;
  /** Registers the frame sink (a comlink proxy). */
  connect(sink: FrameSink): void;
  start(): void;
  pause(): void;
  /** Executes one engine event (or `count` events) while paused and pushes a frame. */
  step(count?: number): void;
  /**
   * Executes events until the next request reaches a node (a server span starts), bounded, and
   * pushes a frame; returns the node that received it, or null when none did within the budget.
   */
  stepToNextSpan(): { nodeId: string | null; nowMs: number };
  setSpeed(speed: Speed): void;
  /** Applies a fault now. */
  inject(fault: Fault): void;
  /** Back to time zero with the loaded document; returns the new run's layout (a new runId). */
  reset(): Promise<RunLayout | null>;
  /**
   * The current run's summary (the JSON `archplay run --json` prints), or null before a load; once
   * the run is over it carries `slos` (each SLO's verdict) when the document declares SLOs.
   */
  summary(): RunReport | null;
  /** The sampled request traces kept so far (bounded). */
  traces(): Trace[];
  /** Entries of the run's distributed log (every log store), newest first. */
  queryLogs(query: LogQuery): StoredLogEntry[];
  /** Test hook: throws inside the worker so the crash-recovery path can be exercised. */
  crash(): void;
}

/** Export options that cross to a pool worker: every option but the progress callback. */
export type PoolExportOptions = Omit<ExportOptions, 'onProgress'>;

/**
 * The API of an experiment pool worker (pool.worker.ts), separate from the live run's worker: it runs
 * the tasks the experiment planner plans (src/core/experiments, as the CLI's worker threads do) and
 * the converters, so neither holds up the page. Each call is one task or one conversion.
 */
export interface PoolWorkerApi {
  /**
   * Runs one planned task and keeps what an experiment reads of it, as the CLI does (`toRecord`);
   * `keepSummary` keeps the whole summary too (the first seed of `run --replications`).
   */
  runTask(task: ReplicaTask, keepSummary?: boolean): TaskRecord;
  /**
   * Exports a document (validated here again); `onProgress` (a comlink proxy) hears the traced run's
   * progress of an OTLP export as a share from 0 to 1.
   */
  exportDocument(
    document: ArchDocument,
    format: ExportFormat,
    options: PoolExportOptions,
    onProgress?: (share: number) => void,
  ): ExportResult;
  /** Reads Kubernetes, Compose or OTLP text into a design, with what was assumed and ignored. */
  importText(text: string, from: ImportFormat): ImportResult;
}

/**
 * The lesson worker's API (lesson.worker.ts): checks a design against a lesson, reporting the share
 * done (0 to 1) as it goes. A check that must stop early is stopped by ending the worker.
 */
export interface LessonWorkerApi {
  check(lesson: Lesson, design: ArchDocument, onProgress: (share: number) => void): Promise<LessonOutcome>;
}
