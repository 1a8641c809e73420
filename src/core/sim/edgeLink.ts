import { compileDistribution, type Sampler } from '../engine/distributions';
import { DOUBLE_ZERO } from '../engine/doubleFields';
import type { Sfc32 } from '../engine/rng';
import type { Simulation } from '../engine/simulation';
import { CAUSE, type FailureCause } from '../metrics/failureCause';
import type { Trace, TraceStore } from '../metrics/traces';
import type { ArchEdge, Step } from '../model/schema';
import type { CallPolicy } from './callPolicy';
import { type Deadlined, DeadlineQueue } from './deadlineQueue';
import { MESSAGE_DUPLICATED, MESSAGE_LOST, MESSAGE_REORDERED, MessageFaults } from './messageFaults';
import type { PublishLedger } from './publishLedger';
import { isRetryable, retryOnMask } from './retry';
import { EdgeStats } from './stats';
import { isSuccess, STATUS_NO_RESPONSE } from './status';
import type { NodeRequest, NodeRuntime, Replyable } from './types';

/**
 * What an edge needs of its run (World has it): the engine, the traces, the warm-up and the
 * partitions in force. Declared here so a link does not depend on the world that holds it.
 */
export interface LinkWorld {
  readonly sim: Simulation;
  readonly traces: TraceStore;
  readonly warmupMs: number;
  /** Partitions in force; the hot path skips the lookup when 0. */
  readonly partitionCount: number;
  /** Whether a partition separates `a` and `b` now. */
  isPartitioned(a: string, b: string): boolean;
  /** Events appended with the intent to publish them (dual writes and outboxes). */
  readonly publishLedger: PublishLedger;
  /** A random stream of its own for `name`, seeded from the run seed. */
  rng(name: string): Sfc32;
}

/** Continuation of a call: receives the final status (after fallback) of the call; `call.cause` says why it failed. */
export type CallDone<T> = (ctx: T, status: number, call: Call) => void;

/** Calls a link keeps for reuse: enough for a busy edge's calls in flight, bounded after a burst. */
const MAX_SPARE_CALLS = 256;

/** Headers of a call not started yet. */
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * One sync call over an edge, with all its attempts. Without a per-try timeout it is also the request
 * the callee sees (NodeRequest): attempts never overlap then, so one object serves every attempt and
 * a reply after the call ended is simply dropped. Under a per-try timeout each attempt is its own
 * {@link Attempt} instead.
 *
 * NOTE: a link reuses the Call objects of calls that ended on the plain path (see
 * {@link EdgeLink.call}), so the fields a call sets on start are mutable; no caller may keep a Call
 * past its `done` unless it started the call without `recycle`.
 */
export class Call implements NodeRequest, Deadlined {
  // NOTE: a new call starts with the initial values below; a call the link takes back gets them
  // again from `reset` and from what `EdgeLink.call` sets when it starts (callReuse.test.ts compares
  // a reused call with a new one field by field). The fields `call` sets are not reset at take-back:
  // writing them twice per call was 2 % of the request path. The initial values stay here, not only
  // in `reset`, because V8 sizes an object's in-object fields from the assignments it sees in the
  // constructor: set from methods alone, 17 of the call's 29 fields lived in a separate property
  // array, one load further away on every hop.
  method = '';
  path = '';
  headers: Readonly<Record<string, string>> = NO_HEADERS;
  step: Step | null = null;
  readonly sourceId: string;
  startMs = DOUBLE_ZERO;
  trace: Trace | null = null;
  /** The caller's span (parent of every attempt span). */
  callerSpanId = -1;
  done: CallDone<unknown> | null = null;
  ctx: unknown = null;
  readonly replyTo: Replyable;
  instance = -1;
  arrivedMs = DOUBLE_ZERO;
  /** Span of the current attempt, parent of the callee's server span. */
  parentSpanId = -1;
  deadlineMs = Number.POSITIVE_INFINITY;
  attempts = 0;
  settled = false;
  /** Status of the latest attempt (0 = no response). */
  lastStatus = STATUS_NO_RESPONSE;
  /** Failure cause of the latest attempt. */
  lastCause: FailureCause = CAUSE.none;
  /**
   * Why the call failed (`none` when it succeeded), set when it settles; a fallback may still turn
   * the failure into a success, so read it only when the final status is a failure.
   */
  cause: FailureCause = CAUSE.none;
  /** A link fault drops the current attempt's reply: the callee works, the caller sees a reset. */
  replyLost = false;
  deadlinePrev: Deadlined | null = null;
  deadlineNext: Deadlined | null = null;
  deadlineQueue: DeadlineQueue<Deadlined> | null = null;
  /** Per-try timeout of this call's attempts (0 = none), fixed when the call starts. */
  perTryTimeoutMs = 0;
  /** The call of an attempt request; here the call itself, as Attempt.call is for an Attempt. */
  readonly call: Call = this;
  /** The attempt whose answer the call waits for; null after a per-try timeout until the next one. */
  current: Call | Attempt | null = this;
  /**
   * Whether nothing but its caller's `done` can still reach the call when it settles, so the link
   * may take it back for a later call. Cleared by every path that leaves a reference behind: a
   * deadline that ends the call while an attempt is out, message faults, a per-try timeout, and a
   * callee that may keep the request after answering it.
   */
  recyclable = false;

  constructor(readonly link: EdgeLink) {
    this.sourceId = link.source.id;
    this.replyTo = link;
  }

  /** Puts the call in the state of one not started yet, but for the fields `EdgeLink.call` sets. */
  reset(): void {
    this.instance = -1;
    this.arrivedMs = DOUBLE_ZERO;
    this.parentSpanId = -1;
    this.deadlineMs = Number.POSITIVE_INFINITY;
    this.attempts = 0;
    this.settled = false;
    this.lastStatus = STATUS_NO_RESPONSE;
    this.lastCause = CAUSE.none;
    this.cause = CAUSE.none;
    this.replyLost = false;
    this.deadlinePrev = null;
    this.deadlineNext = null;
    this.deadlineQueue = null;
    this.perTryTimeoutMs = 0;
    this.current = this;
  }
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
  arrivedMs = DOUBLE_ZERO;
  parentSpanId = -1;
  lastStatus = STATUS_NO_RESPONSE;
  lastCause: FailureCause = CAUSE.none;
  replyLost = false;
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
type AttemptRequest = Call | Attempt;

/**
 * The caller side of one edge: network latency both ways, partitions, the load balancer, retries
 * with backoff on retryable outcomes only, one deadline over all attempts (Envoy's route timeout;
 * a reply after it is dropped though the callee did the work), the fallback, and edge metrics.
 *
 * When the call's deadline passes, the call ends with 504 and is not retried. An optional per-try
 * timeout (Envoy's `retry_policy.per_try_timeout`) abandons one attempt as a timeout: the callee
 * keeps the request and its late reply is dropped; `retryOn: timeout` retries it while retries and
 * time remain, otherwise the call ends with 504. Each abandoned attempt is reported to outlier
 * detection as a 504 (Envoy does the same), and a call that ends by timeout counts as one failure
 * for the breaker and one edge timeout. A 504 answered by an upstream (a gateway that timed out) is
 * a 5xx, as in Envoy. A connect failure (instance down, reset, partition, no routable instance) is
 * `connect`.
 */
export class EdgeLink implements Replyable {
  readonly id: string;
  readonly stats: EdgeStats;
  readonly rng: Sfc32;
  private readonly latency: Sampler;
  /** Deadline over all attempts of new calls (0 = none); config changes may retune it mid-run. */
  timeoutMs: number;
  /** Retries allowed to new attempts; config changes may retune it mid-run. */
  maxRetries: number;
  /** Per-try timeout of new calls (0 = none); config changes may retune it mid-run. */
  perTryTimeoutMs: number;
  private readonly retryMask: number;
  /** Status the static fallback answers with, or -1 to fail. */
  private readonly fallbackStatus: number;
  private readonly deadlines = new Map<number, DeadlineQueue<Call>>();
  /** Message loss, duplication and reordering in force (`linkFaults` on the timeline). */
  readonly faults: MessageFaults;
  /** The queue of the last call's timeout: nearly every call of an edge has the same one. */
  private lastDeadlineMs = -1;
  private lastDeadlines: DeadlineQueue<Call> | null = null;
  private readonly tryDeadlines = new Map<number, DeadlineQueue<Attempt>>();
  /**
   * Calls taken back after they settled, for the next calls: the first `spareCount` entries (at
   * most MAX_SPARE_CALLS). A stack by index, not push and pop, which V8 did not inline here.
   */
  private readonly spare: Call[] = [];
  private spareCount = 0;

  constructor(
    readonly world: LinkWorld,
    readonly edge: ArchEdge,
    readonly source: NodeRuntime,
    readonly target: NodeRuntime,
    readonly policy: CallPolicy,
    rng: Sfc32,
  ) {
    this.id = edge.id;
    this.rng = rng;
    this.stats = new EdgeStats(world.warmupMs);
    this.latency = compileDistribution(edge.config.latencyMs);
    const retry = edge.config.retry;
    this.maxRetries = retry.maxRetries;
    this.timeoutMs = edge.config.timeoutMs;
    this.perTryTimeoutMs = retry.perTryTimeoutMs;
    this.retryMask = retryOnMask(retry.retryOn);
    const fb = edge.config.fallback;
    this.fallbackStatus = fb.kind === 'static' ? fb.status : -1;
    this.faults = new MessageFaults(world.rng(`faults:${edge.id}`));
  }

  /**
   * Starts a call; `done(ctx, status, call)` runs once with the final status, never synchronously.
   * `timeoutMs` overrides the edge's deadline when >= 0 (e.g. a gateway route timeout).
   *
   * NOTE: with `recycle`, the caller promises to keep no reference to the Call after `done`
   * returns (nor to the returned value), and the link reuses the object for a later call when the
   * call ended on the plain path. A hop allocated a Call (about 250 bytes and three boxed times)
   * that usually outlived a scavenge or two while the chain below it answered: at 900 MB a second
   * of allocation, the young generation was collected every 10 ms and promoted calls in flight.
   */
  call<T>(
    method: string,
    path: string,
    headers: Readonly<Record<string, string>>,
    step: Step | null,
    trace: Trace | null,
    callerSpanId: number,
    done: CallDone<T> | null,
    ctx: T,
    timeoutMs = -1,
    recycle = false,
  ): Call {
    const sim = this.world.sim;
    const call = this.spareCount > 0 ? this.spare[--this.spareCount]! : new Call(this);
    call.method = method;
    call.path = path;
    call.headers = headers;
    call.step = step;
    call.startMs = sim.now;
    call.trace = trace;
    call.callerSpanId = callerSpanId;
    call.done = done as CallDone<unknown> | null;
    call.ctx = ctx;
    call.recyclable = recycle && this.perTryTimeoutMs === 0;
    const stats = this.stats;
    stats.calls++;
    stats.secCalls++;
    stats.inFlight++;
    const refused = this.policy.admit(sim.now);
    if (refused !== CAUSE.none) {
      stats.rejected++;
      call.lastCause = refused;
      sim.schedule(0, rejectCall, call);
      return call;
    }
    const timeout = timeoutMs >= 0 ? timeoutMs : this.timeoutMs;
    if (timeout > 0) {
      call.deadlineMs = sim.now + timeout;
      if (timeout !== this.lastDeadlineMs || this.lastDeadlines === null) {
        this.lastDeadlines = deadlineQueue(this.deadlines, timeout, sim, expireCall);
        this.lastDeadlineMs = timeout;
      }
      this.lastDeadlines.push(call);
    }
    call.perTryTimeoutMs = this.perTryTimeoutMs;
    this.attempt(call);
    return call;
  }

  /** Sends the next attempt of `call`. */
  attempt(call: Call): void {
    const world = this.world;
    const sim = world.sim;
    call.attempts++;
    this.stats.attempts++;
    if (call.attempts > 1) {
      this.stats.retries++;
      this.stats.secRetries++;
    }
    const req = call.perTryTimeoutMs > 0 ? this.startTry(call) : call;
    req.replyLost = false;
    if (call.trace) {
      req.parentSpanId = world.traces.open(
        call.trace,
        call.callerSpanId,
        this.source.id,
        this.id,
        `${call.step ? call.step.kind : call.method} ${call.step ? this.target.id : call.path} (attempt ${call.attempts})`,
        sim.now,
      );
    }
    if (world.partitionCount > 0 && world.isPartitioned(this.source.id, this.target.id)) {
      req.instance = -1;
      req.lastStatus = STATUS_NO_RESPONSE;
      req.lastCause = CAUSE.partitioned;
      sim.schedule(this.latency.draw(this.rng), attemptReturned, req);
      return;
    }
    const view = this.target.instances;
    const instance = this.policy.pickInstance(view, req, sim.now);
    req.instance = instance;
    if (instance < 0) {
      // No routable instance: the proxy fails locally, without a network trip.
      req.lastStatus = STATUS_NO_RESPONSE;
      req.lastCause = CAUSE.noHealthyUpstream;
      sim.schedule(0, attemptReturned, req);
    } else if (!view.isUp(instance)) {
      req.lastStatus = STATUS_NO_RESPONSE;
      req.lastCause = CAUSE.instanceDown;
      sim.schedule(this.latency.draw(this.rng), attemptReturned, req);
    } else if (this.faults.active) {
      this.sendThroughFaults(req);
    } else {
      sim.schedule(this.latency.draw(this.rng), deliver, req);
    }
  }

  /**
   * Sends an attempt while link faults are in force. A lost exchange loses the request or the
   * reply, half each: the caller sees a connection failure (a reset) after the round trip, and for
   * a lost reply the callee did the work. A duplicated request reaches the callee twice (the copy's
   * answer is dropped); a reordered one is held back one to two one-way latencies (at least 1 ms),
   * so later requests overtake it.
   */
  private sendThroughFaults(req: AttemptRequest): void {
    // Copies and lost replies leave the request with the callee, or on the wire, after the call ends.
    req.call.recyclable = false;
    const sim = this.world.sim;
    const latencyMs = this.latency.draw(this.rng);
    const faults = this.faults;
    const outcome = faults.draw();
    if (outcome === MESSAGE_LOST) {
      if (faults.next() < 0.5) {
        req.lastStatus = STATUS_NO_RESPONSE;
        req.lastCause = CAUSE.messageLost;
        sim.schedule(latencyMs + this.latency.draw(this.rng), attemptReturned, req);
        return;
      }
      req.replyLost = true;
    } else if (outcome === MESSAGE_DUPLICATED) {
      sim.schedule(this.latency.draw(this.rng), deliverCopy, new RequestCopy(req));
    } else if (outcome === MESSAGE_REORDERED) {
      sim.schedule(latencyMs + (1 + faults.next()) * Math.max(latencyMs, 1), deliver, req);
      return;
    }
    sim.schedule(latencyMs, deliver, req);
  }

  /**
   * A new Attempt of `call`, awaited from now on, with its per-try timer. The timer is capped by the
   * call's deadline: when that comes first (or at the same time) no timer is armed, since the
   * deadline then ends the attempt and the call with 504, with no time left to retry anyway. So an
   * armed timer always fires, or is disarmed by the attempt's answer, before the call can end.
   */
  private startTry(call: Call): Attempt {
    const attempt = new Attempt(call);
    call.current = attempt;
    const sim = this.world.sim;
    const perTryMs = call.perTryTimeoutMs;
    if (sim.now + perTryMs < call.deadlineMs) {
      attempt.deadlineMs = sim.now + perTryMs;
      deadlineQueue(this.tryDeadlines, perTryMs, sim, expireAttempt).push(attempt);
    }
    return attempt;
  }

  /** The callee answered: the answer travels back unless the call ended or gave up on this attempt. */
  onReply(req: NodeRequest, status: number, cause: FailureCause): void {
    const attempt = req as AttemptRequest;
    const call = attempt.call;
    if (call.settled || call.current !== attempt) return;
    if (attempt.replyLost) {
      attempt.lastStatus = STATUS_NO_RESPONSE;
      attempt.lastCause = CAUSE.messageLost;
    } else {
      attempt.lastStatus = status;
      attempt.lastCause = cause;
    }
    this.world.sim.schedule(this.latency.draw(this.rng), attemptReturned, attempt);
  }

  /** Whether an attempt outcome may be retried under this edge's retryOn list (status 0 = connect failure). */
  isRetryable(status: number): boolean {
    return isRetryable(this.retryMask, status, status === STATUS_NO_RESPONSE ? 'connect' : 'none');
  }

  /** Whether an attempt its per-try timeout abandoned may be retried (retryOn lists `timeout`). */
  retriesTimeouts(): boolean {
    return isRetryable(this.retryMask, 504, 'timeout');
  }

  /**
   * Ends `call` with `status`, failed for `cause` unless a success: metrics, policy, fallback, then
   * the caller's continuation. The edge counts the failure under its cause even when a fallback
   * answers; the caller sees the fallback's status (a success is no failure) and the cause.
   */
  settle(call: Call, status: number, cause: FailureCause, policyCounts: boolean): void {
    if (call.settled) return;
    call.settled = true;
    call.deadlineQueue?.remove(call);
    const sim = this.world.sim;
    const stats = this.stats;
    stats.inFlight--;
    const ok = isSuccess(status);
    stats.record(ok, cause, call.startMs, sim.now);
    if (policyCounts) this.policy.onCallEnd(ok, sim.now - call.startMs, sim.now);
    let final = status === STATUS_NO_RESPONSE ? 503 : status;
    if (!ok && this.fallbackStatus >= 0) {
      final = this.fallbackStatus;
      stats.fallbacks++;
    }
    call.cause = cause;
    if (call.done) call.done(call.ctx, final, call);
    if (call.recyclable) this.takeBack(call);
  }

  /** The callee may keep `req` after answering it (a custom step): its call is not reused. */
  retain(req: NodeRequest): void {
    (req as AttemptRequest).call.recyclable = false;
  }

  /**
   * Puts a settled call back in its first state, but for what `call` sets, for a later call of this
   * link. Until then it keeps its last caller's headers, trace and context: a bounded few per link.
   */
  private takeBack(call: Call): void {
    if (this.spareCount >= MAX_SPARE_CALLS) return;
    call.reset();
    this.spare[this.spareCount++] = call;
  }
}

/** The second copy of a duplicated request: the callee handles it like any other; its answer is dropped. */
class RequestCopy implements NodeRequest, Replyable {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly step: Step | null;
  readonly sourceId: string;
  readonly instance: number;
  readonly trace = null;
  readonly parentSpanId = -1;
  readonly replyTo: Replyable = this;
  arrivedMs = DOUBLE_ZERO;

  constructor(readonly original: AttemptRequest) {
    this.method = original.method;
    this.path = original.path;
    this.headers = original.headers;
    this.step = original.step;
    this.sourceId = original.sourceId;
    this.instance = original.instance;
  }

  onReply(): void {}
}

function deliverCopy(copy: RequestCopy): void {
  const target = copy.original.call.link.target;
  // A copy that finds its instance gone is lost with the connection; the original answers for the call.
  if (target.instances.isUp(copy.instance)) target.handle(copy);
}

function deliver(req: AttemptRequest): void {
  const link = req.call.link;
  const target = link.target;
  if (!target.instances.isUp(req.instance)) {
    // The instance died while the request was on the wire: the connection is refused.
    req.lastStatus = STATUS_NO_RESPONSE;
    req.lastCause = CAUSE.instanceDown;
    link.world.sim.schedule(0, attemptReturned, req);
    return;
  }
  // An attempt abandoned on the wire still arrives: the bytes were sent, and the callee does the work.
  if (target.releasesRequests !== true) req.call.recyclable = false;
  target.handle(req);
}

function attemptReturned(req: AttemptRequest): void {
  const call = req.call;
  // Also drops the outcome of an attempt its per-try timeout abandoned: the call moved on without it.
  if (call.settled || call.current !== req) return;
  if (req !== call) req.deadlineQueue?.remove(req);
  const link = call.link;
  const world = link.world;
  const now = world.sim.now;
  const status = req.lastStatus;
  call.lastStatus = status;
  call.lastCause = req.lastCause;
  if (status === STATUS_NO_RESPONSE) link.stats.connectFailures++;
  link.policy.onAttempt(req.instance, status, now);
  if (call.trace) world.traces.close(call.trace, req.parentSpanId, now, status);
  if (!isSuccess(status) && call.attempts <= link.maxRetries && link.isRetryable(status)) {
    world.sim.schedule(link.policy.backoffMs(call.attempts - 1, link.rng), retryCall, call);
    return;
  }
  link.settle(call, status, req.lastCause, true);
}

function retryCall(call: Call): void {
  if (!call.settled) call.link.attempt(call);
}

function rejectCall(call: Call): void {
  call.link.settle(call, 503, call.lastCause, false);
}

function expireCall(call: Call): void {
  // An attempt may still be out (on the wire, at the callee, or its answer on the way back).
  call.recyclable = false;
  const link = call.link;
  link.stats.timeouts++;
  link.stats.secTimeouts++;
  // No attempt is awaited while a per-try timeout's backoff runs: its span is closed already.
  const current = call.current;
  if (call.trace && current !== null)
    link.world.traces.close(call.trace, current.parentSpanId, link.world.sim.now, 504);
  link.settle(call, 504, CAUSE.timeout, true);
}

/** A per-try timer fired first: the attempt is abandoned as a timeout, then retried or the call ends with 504. */
function expireAttempt(attempt: Attempt): void {
  const call = attempt.call;
  if (call.settled || call.current !== attempt) return;
  call.current = null;
  const link = call.link;
  const world = link.world;
  const now = world.sim.now;
  // Envoy reports a per-try timeout to outlier detection as a 504 from the host.
  link.policy.onAttempt(attempt.instance, 504, now);
  if (call.trace) world.traces.close(call.trace, attempt.parentSpanId, now, 504);
  if (call.attempts <= link.maxRetries && link.retriesTimeouts()) {
    world.sim.schedule(link.policy.backoffMs(call.attempts - 1, link.rng), retryCall, call);
    return;
  }
  link.stats.timeouts++;
  link.stats.secTimeouts++;
  link.settle(call, 504, CAUSE.timeout, true);
}

/** The deadline queue of one fixed timeout length, created on first use. */
function deadlineQueue<T extends Deadlined>(
  queues: Map<number, DeadlineQueue<T>>,
  timeoutMs: number,
  sim: Simulation,
  onExpire: (item: T) => void,
): DeadlineQueue<T> {
  let queue = queues.get(timeoutMs);
  if (!queue) {
    queue = new DeadlineQueue(sim, onExpire);
    queues.set(timeoutMs, queue);
  }
  return queue;
}
