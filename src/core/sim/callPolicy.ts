import type { Rng } from '../engine/rng';
import type { FailureCause } from '../metrics/failureCause';
import type { ArchEdge } from '../model/schema';
import type { BreakerState } from './breakerState';
import type { InstanceView, NodeRequest } from './types';

/** A breaker's part of its edge's summary entry: its state, recent transitions and rejections. */
interface BreakerSummary {
  state: BreakerState;
  transitions: { atMs: number; from: BreakerState; to: BreakerState }[];
  transitionsTotal: number;
  rejected: number;
}

/** Outlier detection's part of its edge's summary entry: ejections so far and the recent ones. */
interface OutlierSummary {
  ejectionsTotal: number;
  ejectedNow: number;
  overflowed: number;
  ejections: { instance: number; atMs: number; untilMs: number }[];
}

/** What a call policy adds to its edge's summary entry; each part is present only when it applies. */
export interface PolicySummary {
  breaker?: BreakerSummary;
  /** Picks made over all instances because too few were healthy (Envoy's panic mode). */
  panicPicks?: number;
  outlier?: OutlierSummary;
}

/**
 * The caller-side policy of one edge: the hooks where circuit breakers, load balancers and outlier
 * detection plug into the sync-call pipeline. The pipeline calls them in this order per call:
 * admit -> (pickInstance -> onAttempt)+ with backoffMs between attempts -> onCallEnd.
 */
export interface CallPolicy {
  /**
   * Admission: `CAUSE.none` admits the call; any other cause (an open breaker, a dependency switched
   * off) rejects it without an attempt (the fallback serves it).
   */
  admit(nowMs: number): FailureCause;
  /** The target instance of the next attempt; -1 when none is routable (a connect failure). */
  pickInstance(view: InstanceView, req: NodeRequest, nowMs: number): number;
  /** Outcome of one attempt on one instance (status 0 = no response), e.g. for outlier ejection. */
  onAttempt(instance: number, status: number, nowMs: number): void;
  /** Outcome of the whole call before the fallback, e.g. for a breaker's sliding window. */
  onCallEnd(ok: boolean, durationMs: number, nowMs: number): void;
  /** Delay before retry number `retry` (0 for the first retry). */
  backoffMs(retry: number, rng: Rng): number;
  /** Breaker state for live frames: breakerNumber(state), or BREAKER_NONE (breakerState.ts). */
  breakerState(nowMs: number): number;
  /** The policy's part of the edge's entry in the run summary, or null when it has nothing to add. */
  summary(): PolicySummary | null;
}

/** What a policy factory may use besides the edge: its own RNG stream, the clock and the event log. */
interface CallPolicyEnv {
  rng: Rng;
  nowMs: () => number;
  /** Writes an event-log line on behalf of the edge's caller (e.g. a breaker transition). */
  log: (type: string, severity: 'info' | 'warn' | 'error', message: string) => void;
}

/**
 * Builds the policy of one edge; a run takes one factory for all edges. The default is
 * `resilientCallPolicyFactory` (components/resilience): breaker, configured balancer, outlier detection.
 */
export type CallPolicyFactory = (edge: ArchEdge, env: CallPolicyEnv) => CallPolicy;
