/**
 * The limits every run is held to, in the CLI and in the app's worker alike: a run that passes one
 * stops with a {@link RunStop} instead of running away with the CPU or the memory. Each default is
 * far above what the shipped examples need (a simulated hour of the e-commerce example takes 26 M
 * events and holds a few hundred requests at once) and low enough that the worst runaway model
 * stays under 500 MB of memory.
 */
export interface RunLimits {
  /** Engine events one run may execute. */
  maxEvents: number;
  /**
   * Requests in flight and items queued across the model: every node's backlog, summed (its requests
   * in service, queued or waiting on a call, or its unconsumed messages), so a request counts at each
   * node that holds a piece of it.
   */
  maxInFlight: number;
  /** The estimated memory of the run's state, in MiB (see memoryEstimate.ts for how it is counted). */
  maxMemoryMb: number;
  /** Events in a row at one instant of simulated time before the clock is taken to be stuck. */
  maxEventsAtOneInstant: number;
}

/** The limits a run gets unless its host says otherwise. */
export const DEFAULT_RUN_LIMITS: Readonly<RunLimits> = {
  // About 100 s at the engine's 5 M events/s.
  maxEvents: 500_000_000,
  // A service's 1000 instances may queue 100,000 requests each; past a million held requests a
  // model only grows, and the memory budget (about 256 bytes a held request) binds first anyway.
  maxInFlight: 1_000_000,
  maxMemoryMb: 256,
  // 100,000 users (the most a client may have) answered at one instant take a few hundred thousand.
  maxEventsAtOneInstant: 2_000_000,
};

/** Which limit stopped a run; `wallTime` is the host's (the CLI's --max-wall-sec), core has no clock. */
export type RunLimitName = 'events' | 'inFlight' | 'memory' | 'clock' | 'wallTime';

/** Why a run stopped before its end: plain data, in the summary, the live frames and the CLI output. */
export interface RunStop {
  limit: RunLimitName;
  /** The limit's value: events, requests, MiB, events at one instant, or wall-clock seconds. */
  max: number;
  /** What was measured when the run stopped, in the same unit. */
  observed: number;
  /** The node that filled up (or that was busiest), null when no node stands out. */
  nodeId: string | null;
  /** Simulated time of the stop, in ms. */
  atMs: number;
  /** One sentence for people: the limit, the node and the simulated time. */
  message: string;
}

/** A host's own limit (the CLI's wall clock) reported to the run so it stops like any other. */
export interface HostLimit {
  limit: 'wallTime';
  max: number;
  observed: number;
}

/** The limits of a run: the defaults with the host's choices over them. */
export function resolveLimits(limits: Partial<RunLimits> | undefined): RunLimits {
  return { ...DEFAULT_RUN_LIMITS, ...limits };
}
