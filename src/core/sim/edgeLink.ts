import { isRetryable, retryOnMask } from '../components/resilience/retry';
import { compileDistribution, type Sampler } from '../engine/distributions';
import type { Sfc32 } from '../engine/rng';
import type { Trace } from '../metrics/traces';
import type { ArchEdge, Step } from '../model/schema';
import type { CallPolicy } from './callPolicy';
import { type Deadlined, DeadlineQueue } from './deadlineQueue';
import { EdgeStats } from './stats';
import { isSuccess, type NodeRequest, type NodeRuntime, type Replyable, STATUS_NO_RESPONSE } from './types';
import type { World } from './world';

/** Continuation of a call: receives the final status (after fallback) of the call. */
export type CallDone<T> = (ctx: T, status: number, call: Call) => void;

/**
 * One sync call over an edge, with all its attempts. It is also the request the callee sees
 * (NodeRequest): attempts never overlap, because there is no per-attempt timeout, so one object
 * serves every attempt and a reply after the call ended is simply dropped.
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
 * The caller side of one edge: network latency both ways, partitions, the load balancer, retries
 * with backoff on retryable outcomes only, one deadline over all attempts (Envoy's route timeout;
 * a reply after it is dropped though the callee did the work), the fallback, and edge metrics.
 *
 * There is no per-attempt timeout (Envoy's per_try_timeout is optional and the document has none):
 * when the call's deadline passes, the call ends with 504 and is not retried, so `retryOn: timeout`
 * has nothing to act on yet. A 504 answered by an upstream (a gateway that timed out) is a 5xx, as
 * in Envoy. A connect failure (instance down, reset, partition, no routable instance) is `connect`.
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
  private readonly retryMask: number;
  /** Status the static fallback answers with, or -1 to fail. */
  private readonly fallbackStatus: number;
  private readonly deadlines = new Map<number, DeadlineQueue<Call>>();

  constructor(
    readonly world: World,
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
    this.retryMask = retryOnMask(retry.retryOn);
    const fb = edge.config.fallback;
    this.fallbackStatus = fb.kind === 'static' ? fb.status : -1;
  }

  /**
   * Starts a call; `done(ctx, status, call)` runs once with the final status, never synchronously.
   * `timeoutMs` overrides the edge's deadline when >= 0 (e.g. a gateway route timeout).
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
  ): Call {
    const sim = this.world.sim;
    const call = new Call(
      this,
      method,
      path,
      headers,
      step,
      this.source.id,
      sim.now,
      trace,
      callerSpanId,
      done as CallDone<unknown> | null,
      ctx,
      this,
    );
    const stats = this.stats;
    stats.calls++;
    stats.secCalls++;
    stats.inFlight++;
    if (!this.policy.admit(sim.now)) {
      stats.rejected++;
      sim.schedule(0, rejectCall, call);
      return call;
    }
    const timeout = timeoutMs >= 0 ? timeoutMs : this.timeoutMs;
    if (timeout > 0) {
      call.deadlineMs = sim.now + timeout;
      let queue = this.deadlines.get(timeout);
      if (!queue) {
        queue = new DeadlineQueue(sim, expireCall);
        this.deadlines.set(timeout, queue);
      }
      queue.push(call);
    }
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
    if (call.trace) {
      call.parentSpanId = world.traces.open(
        call.trace,
        call.callerSpanId,
        this.source.id,
        this.id,
        `${call.step ? call.step.kind : call.method} ${call.step ? this.target.id : call.path} (attempt ${call.attempts})`,
        sim.now,
      );
    }
    if (world.partitionCount > 0 && world.isPartitioned(this.source.id, this.target.id)) {
      call.instance = -1;
      call.lastStatus = STATUS_NO_RESPONSE;
      sim.schedule(this.latency(this.rng), attemptReturned, call);
      return;
    }
    const view = this.target.instances;
    const instance = this.policy.pickInstance(view, call, sim.now);
    call.instance = instance;
    if (instance < 0) {
      // No routable instance: the proxy fails locally, without a network trip.
      call.lastStatus = STATUS_NO_RESPONSE;
      sim.schedule(0, attemptReturned, call);
    } else if (!view.isUp(instance)) {
      call.lastStatus = STATUS_NO_RESPONSE;
      sim.schedule(this.latency(this.rng), attemptReturned, call);
    } else {
      sim.schedule(this.latency(this.rng), deliver, call);
    }
  }

  /** The callee answered: the answer travels back unless the call already ended. */
  onReply(req: NodeRequest, status: number): void {
    const call = req as Call;
    if (call.settled) return;
    call.lastStatus = status;
    this.world.sim.schedule(this.latency(this.rng), attemptReturned, call);
  }

  /** Whether an attempt outcome may be retried under this edge's retryOn list (status 0 = connect failure). */
  isRetryable(status: number): boolean {
    return isRetryable(this.retryMask, status, status === STATUS_NO_RESPONSE ? 'connect' : 'none');
  }

  /** Ends `call` with `status`: metrics, policy, fallback, then the caller's continuation. */
  settle(call: Call, status: number, policyCounts: boolean): void {
    if (call.settled) return;
    call.settled = true;
    call.deadlineQueue?.remove(call);
    const sim = this.world.sim;
    const stats = this.stats;
    stats.inFlight--;
    const ok = isSuccess(status);
    stats.record(ok, call.startMs, sim.now);
    if (policyCounts) this.policy.onCallEnd(ok, sim.now - call.startMs, sim.now);
    let final = status === STATUS_NO_RESPONSE ? 503 : status;
    if (!ok && this.fallbackStatus >= 0) {
      final = this.fallbackStatus;
      stats.fallbacks++;
    }
    if (call.done) call.done(call.ctx, final, call);
  }
}

function deliver(call: Call): void {
  const link = call.link;
  const target = link.target;
  if (!target.instances.isUp(call.instance)) {
    // The instance died while the request was on the wire: the connection is refused.
    call.lastStatus = STATUS_NO_RESPONSE;
    link.world.sim.schedule(0, attemptReturned, call);
    return;
  }
  target.handle(call);
}

function attemptReturned(call: Call): void {
  if (call.settled) return;
  const link = call.link;
  const world = link.world;
  const now = world.sim.now;
  const status = call.lastStatus;
  if (status === STATUS_NO_RESPONSE) link.stats.connectFailures++;
  link.policy.onAttempt(call.instance, status, now);
  if (call.trace) world.traces.close(call.trace, call.parentSpanId, now, status);
  if (!isSuccess(status) && call.attempts <= link.maxRetries && link.isRetryable(status)) {
    world.sim.schedule(link.policy.backoffMs(call.attempts - 1, link.rng), retryCall, call);
    return;
  }
  link.settle(call, status, true);
}

function retryCall(call: Call): void {
  if (!call.settled) call.link.attempt(call);
}

function rejectCall(call: Call): void {
  call.link.settle(call, 503, false);
}

function expireCall(call: Call): void {
  const link = call.link;
  link.stats.timeouts++;
  link.stats.secTimeouts++;
  if (call.trace) link.world.traces.close(call.trace, call.parentSpanId, link.world.sim.now, 504);
  link.settle(call, 504, true);
}
