import type { Trace } from '../metrics/traces';
import type { Step } from '../model/schema';
import type { Deadlined, DeadlineQueue } from './deadlineQueue';
import type { EdgeLink } from './edgeLink';
import { type NodeRequest, type Replyable, STATUS_NO_RESPONSE } from './types';

/** Continuation of a call: receives the final status (after fallback) of the call. */
export type CallDone<T> = (ctx: T, status: number, call: Call) => void;

/**
 * One sync call over an edge, with all its attempts. Without a per-try timeout it is also the request
 * the callee sees (NodeRequest): attempts never overlap then, so one object serves every attempt and
 * a reply after the call ended is simply dropped. Under a per-try timeout each attempt is its own
 * {@link Attempt} instead.
 */
export class Call implements NodeRequest, Deadlined {
  instance = -1;
  arrivedMs = 0;
  /** Span of the current attempt, parent of the callee's server span. */
  parentSpanId = -1;
  deadlineMs = Number.POSITIVE_INFINITY;
  attempts = 0;
  settled = false;
  /** Status of the latest attempt (0 = no response). */
  lastStatus = STATUS_NO_RESPONSE;
  deadlinePrev: Deadlined | null = null;
  deadlineNext: Deadlined | null = null;
  deadlineQueue: DeadlineQueue<Deadlined> | null = null;
  /** Per-try timeout of this call's attempts (0 = none), fixed when the call starts. */
  perTryTimeoutMs = 0;
  /** The call of an attempt request; here the call itself, as Attempt.call is for an Attempt. */
  readonly call: Call = this;
  /** The attempt whose answer the call waits for; null after a per-try timeout until the next one. */
  current: Call | Attempt | null = this;

  constructor(
    readonly link: EdgeLink,
    readonly method: string,
    readonly path: string,
    readonly headers: Readonly<Record<string, string>>,
    readonly step: Step | null,
    readonly sourceId: string,
    readonly startMs: number,
    readonly trace: Trace | null,
    /** The caller's span (parent of every attempt span). */
    readonly callerSpanId: number,
    readonly done: CallDone<unknown> | null,
    readonly ctx: unknown,
    readonly replyTo: Replyable,
  ) {}
}

/**
 * One attempt of a call under a per-try timeout, as the callee sees it: attempts may overlap (the
 * callee keeps working on an abandoned one), so each needs its own request, and the call tells a
 * late reply from the awaited one by identity.
 */
export class Attempt implements NodeRequest, Deadlined {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly step: Step | null;
  readonly sourceId: string;
  readonly trace: Trace | null;
  readonly replyTo: Replyable;
  instance = -1;
  arrivedMs = 0;
  parentSpanId = -1;
  lastStatus = STATUS_NO_RESPONSE;
  deadlineMs = Number.POSITIVE_INFINITY;
  deadlinePrev: Deadlined | null = null;
  deadlineNext: Deadlined | null = null;
  deadlineQueue: DeadlineQueue<Deadlined> | null = null;

  constructor(readonly call: Call) {
    this.method = call.method;
    this.path = call.path;
    this.headers = call.headers;
    this.step = call.step;
    this.sourceId = call.sourceId;
    this.trace = call.trace;
    this.replyTo = call.replyTo;
  }
}

/** The request of one attempt: the call itself, or an Attempt when the call has a per-try timeout. */
export type AttemptRequest = Call | Attempt;
