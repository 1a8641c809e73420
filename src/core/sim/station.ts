import { compileDistribution, type Sampler } from '../engine/distributions';
import { DOUBLE_ZERO } from '../engine/doubleFields';
import type { Sfc32 } from '../engine/rng';
import { CAUSE, type FailureCause, refusalStatus } from '../metrics/failureCause';
import type { ArchNode, Distribution, NodeKind } from '../model/schema';
import type { Call } from './edgeLink';
import { type CustomStep, type Endpoint, NO_ROUTE, type Resolver } from './endpoints';
import { Fifo } from './fifo';
import { NodeStats } from './stats';
import { isSuccess, STATUS_NO_RESPONSE } from './status';
import type { InstanceNumbers, InstanceView, NodeRequest, NodeRuntime, Slowdown } from './types';
import { HEALTH_CHECK_DELAY_MS, type World } from './world';

/** Capacity and behaviour shared by every node that serves requests with slots and a queue. */
export interface StationConfig {
  instances: number;
  concurrency: number;
  queueCapacity: number;
  serviceTimeMs: Distribution;
  errorRate: number;
  /** The cause of a fast 503 when the queue is full (default `queueFull`; a proxy's pool says `poolExhausted`). */
  overflowCause?: FailureCause;
  /** The cause of a 503 under `eventLoop` when an instance holds `maxConnections` (default `connectionLimit`). */
  connectionLimitCause?: FailureCause;
  /**
   * `threadPerRequest` (the default): a request holds its slot until it is answered, waits on
   * downstream calls included. `eventLoop`: a slot is held only while the node itself works; a
   * request waiting for a reply holds one of `maxConnections` per instance (503 beyond it).
   */
  ioModel?: IoModel;
  /** Requests an instance holds at once under `eventLoop` (its connection limit). */
  maxConnections?: number;
}

/** How a node's slots relate to the requests it waits on (document field `ioModel`). */
type IoModel = 'threadPerRequest' | 'eventLoop';

class Instance {
  up = true;
  routable = true;
  busy = 0;
  /** Requests admitted and not yet answered (eventLoop only: they hold a connection, not a slot). */
  conns = 0;
  epoch = 0;
  /** Gray failures in force on this instance, newest last; the newest applies. */
  slowdowns: Slowdown[] = [];
  /** Answers given to requests this instance took, by outcome. */
  completed = 0;
  failed = 0;
  /** Busy slot-time since the start, integrated at each change (utilisation per instance). */
  busyArea = DOUBLE_ZERO;
  upArea = DOUBLE_ZERO;
  lastChangeMs = DOUBLE_ZERO;
  /** Requests holding a slot (eventLoop: a connection): an intrusive list, cheaper than a Set on the hot path. */
  activeHead: Exec | null = null;
  readonly queue = new Fifo<Exec>();

  /** Adds the slot-time since the last change to the areas, with `slots` live slots while up. */
  integrate(nowMs: number, slots: number): void {
    const dt = nowMs - this.lastChangeMs;
    if (dt > 0) {
      this.busyArea += this.busy * dt;
      if (this.up) this.upArea += slots * dt;
      this.lastChangeMs = nowMs;
    }
  }

  addActive(exec: Exec): void {
    exec.next = this.activeHead;
    if (this.activeHead) this.activeHead.prev = exec;
    this.activeHead = exec;
  }

  removeActive(exec: Exec): void {
    if (exec.prev) exec.prev.next = exec.next;
    else this.activeHead = exec.next;
    if (exec.next) exec.next.prev = exec.prev;
    exec.prev = null;
    exec.next = null;
  }

  /** Unlinks and returns every active request. */
  takeActive(): Exec[] {
    const out: Exec[] = [];
    for (let e = this.activeHead; e !== null; e = e.next) out.push(e);
    this.activeHead = null;
    return out;
  }
}

/** Execs a station keeps for reuse: enough for its requests in flight, bounded after a burst. */
const MAX_SPARE_EXECS = 256;

/**
 * One request being served: which endpoint, on which instance, at which step. A station reuses the
 * Exec of a request that completed (see StationRuntime.complete) unless a custom step or a kill may
 * still reach it.
 */
class Exec {
  // NOTE: a new Exec starts with the values below, and `reset` puts them back for a reused one (see
  // StationRuntime.takeBack). They are written here too, not only in `reset`: V8 sizes an object's
  // in-object fields from the assignments it sees in the constructor.
  stepIndex = 0;
  dead = false;
  errorChecked = false;
  span = -1;
  /** Step index whose custom step already answered, so a second done() is ignored. */
  customDone = -1;
  /** Whether the request holds a slot now (eventLoop: only while its node works). */
  hasSlot = false;
  /** Work-time multiplier of a gray failure that picked this request (1 for most). */
  slowFactor = 1;
  prev: Exec | null = null;
  next: Exec | null = null;
  /** No custom step: once completed, nothing but the station refers to it. */
  recyclable = false;

  constructor(
    readonly station: StationRuntime,
    public req: NodeRequest,
    public endpoint: Endpoint,
    public inst: Instance,
  ) {}

  /** Puts the Exec in the state of a request that has not started. */
  reset(): void {
    this.stepIndex = 0;
    this.dead = false;
    this.errorChecked = false;
    this.span = -1;
    this.customDone = -1;
    this.hasSlot = false;
    this.slowFactor = 1;
    this.prev = null;
    this.next = null;
    this.recyclable = false;
  }
}

/** Whether an endpoint runs code that may keep its request, or call back, after the request ended. */
function hasCustomStep(endpoint: Endpoint): boolean {
  const steps = endpoint.steps;
  for (let i = 0; i < steps.length; i++) if (steps[i]!.kind === 'custom') return true;
  return false;
}

/**
 * A node that serves requests like a service: instances x concurrency slots, a bounded FIFO queue per
 * instance (overflow is a fast 503), and per request the ordered steps of its endpoint, run while the
 * request holds its slot. Services, gateways and proxies are stations with different resolvers.
 */
export class StationRuntime implements NodeRuntime, InstanceView {
  readonly id: string;
  readonly kind: NodeKind;
  readonly stats: NodeStats;
  readonly instances: InstanceView = this;
  /** A request is dropped when answered, except by custom steps, which may keep it (they retain it). */
  readonly releasesRequests = true;
  readonly count: number;
  routingVersion = 0;
  private readonly pool: Instance[];
  private readonly rng: Sfc32;
  private readonly serviceTime: Sampler;
  private resolver: Resolver = NO_ROUTE;
  private readonly overflowCause: FailureCause;
  private readonly connectionLimitCause: FailureCause;
  private extraLatencyMs = 0;
  private errorRateOverride: number | null = null;
  private localCursor = 0;
  /** Told of every answer the node gives (a service's access log), when set. */
  onAnswered: ((req: NodeRequest, status: number, nowMs: number) => void) | null = null;
  /** Whether slots are held only during work (eventLoop); read on the hot path. */
  readonly eventLoop: boolean;
  private readonly maxConnections: number;
  /** Draws of gray failures, apart from the node's own stream so a fault shifts no other draw. */
  private faultRng: Sfc32 | null = null;
  /** Completed Execs for later requests: the first `spareExecCount` entries (a stack by index, as EdgeLink's calls). */
  private readonly spareExecs: Exec[] = [];
  private spareExecCount = 0;

  constructor(
    readonly world: World,
    node: ArchNode,
    readonly config: StationConfig,
    private readonly buildResolver: (station: StationRuntime) => Resolver,
  ) {
    this.id = node.id;
    this.kind = node.kind;
    this.count = config.instances;
    this.stats = new NodeStats(world.warmupMs);
    this.pool = Array.from({ length: config.instances }, () => new Instance());
    this.rng = world.rng(`node:${node.id}`);
    this.serviceTime = compileDistribution(config.serviceTimeMs);
    this.overflowCause = config.overflowCause ?? CAUSE.queueFull;
    this.connectionLimitCause = config.connectionLimitCause ?? CAUSE.connectionLimit;
    this.eventLoop = config.ioModel === 'eventLoop';
    this.maxConnections = config.maxConnections ?? Number.POSITIVE_INFINITY;
  }

  init(): void {
    this.resolver = this.buildResolver(this);
    this.stats.capacityChange(this.count * this.config.concurrency, 0);
  }

  start(): void {}

  isUp(instance: number): boolean {
    return this.pool[instance]?.up === true;
  }

  isRoutable(instance: number): boolean {
    return this.pool[instance]?.routable === true;
  }

  load(instance: number): number {
    const inst = this.pool[instance];
    if (!inst) return 0;
    return this.eventLoop ? inst.conns : inst.busy + inst.queue.length;
  }

  accepts(method: string, path: string): boolean {
    return typeof this.resolver.resolve(method, path, {}) !== 'number';
  }

  queueDepth(): number {
    let n = 0;
    for (const inst of this.pool) n += inst.queue.length;
    return n;
  }

  inFlight(): number {
    let n = 0;
    if (this.eventLoop) for (const inst of this.pool) n += inst.conns;
    else for (const inst of this.pool) n += inst.queue.length + inst.busy;
    return n;
  }

  /** Each instance's health, answers and utilisation (busy slot-time over its live slot-time). */
  instanceNumbers(): InstanceNumbers[] {
    const now = this.world.sim.now;
    return this.pool.map((inst, i) => {
      inst.integrate(now, this.config.concurrency);
      return {
        id: i,
        healthy: inst.up,
        completed: inst.completed,
        failed: inst.failed,
        utilization: inst.upArea > 0 ? inst.busyArea / inst.upArea : 0,
      };
    });
  }

  healthyInstances(): number {
    let n = 0;
    for (const inst of this.pool) if (inst.up) n++;
    return n;
  }

  handle(req: NodeRequest): void {
    const now = this.world.sim.now;
    this.stats.arrived++;
    req.arrivedMs = now;
    const endpoint = this.resolver.resolve(req.method, req.path, req.headers);
    if (typeof endpoint === 'number') {
      this.refuse(req, refusalStatus(endpoint), endpoint, -1, null);
      return;
    }
    const inst = req.instance >= 0 ? this.pool[req.instance] : this.pickLocal();
    if (!inst?.up) {
      this.refuse(req, STATUS_NO_RESPONSE, CAUSE.instanceDown, -1, null);
      return;
    }
    const custom = hasCustomStep(endpoint);
    if (custom) req.replyTo.retain?.(req);
    const exec =
      this.spareExecCount > 0 ? this.spareExecs[--this.spareExecCount]! : new Exec(this, req, endpoint, inst);
    exec.req = req;
    exec.endpoint = endpoint;
    exec.inst = inst;
    exec.recyclable = !custom;
    if (inst.slowdowns.length > 0) this.drawSlowdown(exec);
    if (req.trace) {
      exec.span = this.world.traces.open(req.trace, req.parentSpanId, this.id, null, endpoint.name, now);
    }
    if (this.eventLoop) {
      this.admit(exec);
      return;
    }
    if (inst.busy < this.config.concurrency) {
      this.begin(exec);
    } else if (inst.queue.length < this.config.queueCapacity) {
      inst.queue.push(exec);
    } else {
      this.stats.rejected++;
      this.refuse(req, 503, this.overflowCause, exec.span, inst);
    }
  }

  /**
   * eventLoop: the request takes a connection (503 when the instance has none left, or when it
   * would wait for a slot in a full queue) and runs its steps; only work steps take a slot.
   */
  private admit(exec: Exec): void {
    const inst = exec.inst;
    const full = inst.busy >= this.config.concurrency && inst.queue.length >= this.config.queueCapacity;
    if (inst.conns >= this.maxConnections || full) {
      this.stats.rejected++;
      const cause = full ? this.overflowCause : this.connectionLimitCause;
      this.refuse(exec.req, 503, cause, exec.span, inst);
      return;
    }
    inst.conns++;
    inst.addActive(exec);
    this.runSteps(exec);
  }

  /** eventLoop: takes a free slot for the work step `exec` is at, or queues it; true when taken. */
  private takeSlot(exec: Exec): boolean {
    const inst = exec.inst;
    if (inst.busy >= this.config.concurrency) {
      inst.queue.push(exec);
      return false;
    }
    this.slotChange(inst, 1);
    exec.hasSlot = true;
    return true;
  }

  /** eventLoop: gives back the slot of `exec` after its work; the oldest waiting request takes it. */
  releaseSlot(exec: Exec): void {
    const inst = exec.inst;
    exec.hasSlot = false;
    this.slotChange(inst, -1);
    const next = inst.queue.shift();
    if (next !== undefined) {
      this.slotChange(inst, 1);
      next.hasSlot = true;
      this.runSteps(next);
    }
  }

  private slotChange(inst: Instance, delta: number): void {
    const now = this.world.sim.now;
    inst.integrate(now, this.config.concurrency);
    inst.busy += delta;
    this.stats.busyChange(delta, now);
  }

  kill(instance: number): boolean {
    const inst = this.pool[instance];
    if (!inst) return false;
    if (!inst.up) return true;
    const now = this.world.sim.now;
    inst.integrate(now, this.config.concurrency);
    inst.up = false;
    const epoch = ++inst.epoch;
    this.stats.capacityChange(-this.config.concurrency, now);
    // Only when busy: -0 would make the count a double (see engine/doubleFields).
    if (inst.busy > 0) this.stats.busyChange(-inst.busy, now);
    inst.busy = 0;
    inst.conns = 0;
    const active = inst.takeActive();
    // eventLoop keeps every admitted request, queued ones included, in the active list.
    const queued = inst.queue.drain();
    // In-flight and queued requests lose their connection.
    for (const exec of this.eventLoop ? active : active.concat(queued)) {
      exec.dead = true;
      this.respond(exec.req, STATUS_NO_RESPONSE, CAUSE.instanceDown, exec.span, inst);
    }
    this.world.sim.schedule(HEALTH_CHECK_DELAY_MS, markUnroutable, { station: this, inst, epoch });
    return true;
  }

  restart(instance: number): boolean {
    const inst = this.pool[instance];
    if (!inst) return false;
    // Restarting a running instance is a crash followed by a start.
    if (inst.up) this.kill(instance);
    inst.integrate(this.world.sim.now, this.config.concurrency);
    inst.up = true;
    if (!inst.routable) this.routingVersion++;
    inst.routable = true;
    inst.epoch++;
    this.stats.capacityChange(this.config.concurrency, this.world.sim.now);
    return true;
  }

  addLatencyMs(deltaMs: number): boolean {
    this.extraLatencyMs += deltaMs;
    if (Math.abs(this.extraLatencyMs) < 1e-9) this.extraLatencyMs = 0;
    return true;
  }

  slowInstance(instance: number, slowdown: Slowdown, end = false): boolean {
    const inst = this.pool[instance];
    if (!inst) return false;
    if (end) inst.slowdowns = inst.slowdowns.filter((s) => s !== slowdown);
    else inst.slowdowns.push(slowdown);
    return true;
  }

  /** A gray failure on the request's instance slows this share of its requests. */
  private drawSlowdown(exec: Exec): void {
    const slowdown = exec.inst.slowdowns.at(-1)!;
    this.faultRng ??= this.world.rng(`faults:node:${this.id}`);
    if (this.faultRng.next() < slowdown.share) exec.slowFactor = slowdown.factor;
  }

  setErrorRate(rate: number | null): boolean {
    this.errorRateOverride = rate;
    return true;
  }

  /** Runs steps from exec.stepIndex until one waits (work, call) or the request completes. */
  runSteps(exec: Exec): void {
    const steps = exec.endpoint.steps;
    const req = exec.req;
    const sim = this.world.sim;
    while (exec.stepIndex < steps.length) {
      const s = steps[exec.stepIndex]!;
      if (s.kind === 'work') {
        if (this.eventLoop && !exec.hasSlot && !this.takeSlot(exec)) return;
        const d = (s.sample ?? this.serviceTime).draw(this.rng) * exec.slowFactor + this.extraLatencyMs;
        sim.schedule(Math.max(d, 0), workDone, exec);
        return;
      }
      if (s.kind === 'custom') {
        runCustom(exec, s);
        return;
      }
      if (!s.link) {
        this.complete(exec, 502, CAUSE.notWired);
        return;
      }
      const method = s.method ?? req.method;
      const path = s.path ?? req.path;
      if (s.wait) {
        s.link.call(
          method,
          path,
          req.headers,
          s.step,
          req.trace,
          exec.span,
          callDone,
          exec,
          s.timeoutMs,
          true,
        );
        return;
      }
      s.link.call(method, path, req.headers, s.step, req.trace, exec.span, null, null, s.timeoutMs, true);
      exec.stepIndex++;
    }
    if (!exec.errorChecked && this.drawError(exec)) return;
    this.complete(exec, 200, CAUSE.none);
  }

  /** Draws the error probability once per request; true when the request failed with 500 (an injected error). */
  drawError(exec: Exec): boolean {
    exec.errorChecked = true;
    const rate = this.errorRateOverride ?? this.config.errorRate;
    if (rate > 0 && this.rng.next() < rate) {
      this.complete(exec, 500, CAUSE.injectedError);
      return true;
    }
    return false;
  }

  /** Ends a request: frees its slot, answers (failed for `cause` unless a success), and starts the next queued request. */
  complete(exec: Exec, status: number, cause: FailureCause): void {
    const inst = exec.inst;
    inst.removeActive(exec);
    if (this.eventLoop) {
      inst.conns--;
      if (exec.hasSlot) this.releaseSlot(exec);
      this.respond(exec.req, status, cause, exec.span, inst);
    } else {
      this.slotChange(inst, -1);
      this.respond(exec.req, status, cause, exec.span, inst);
      if (inst.queue.length > 0 && inst.busy < this.config.concurrency) this.begin(inst.queue.shift()!);
    }
    if (exec.recyclable && !exec.dead) this.takeBack(exec);
  }

  /**
   * Puts a completed Exec back in its first state for a later request. Only completion ends an
   * Exec with no event, call or closure left to reach it: a kill answers in-flight requests without
   * completing them, and their pending work or call still finds the dead Exec.
   */
  private takeBack(exec: Exec): void {
    // The last request stays referenced until the next one: a bounded few per station.
    if (this.spareExecCount >= MAX_SPARE_EXECS) return;
    exec.reset();
    this.spareExecs[this.spareExecCount++] = exec;
  }

  private begin(exec: Exec): void {
    const inst = exec.inst;
    this.slotChange(inst, 1);
    inst.addActive(exec);
    this.runSteps(exec);
  }

  /** Answers `req`, failed for `cause` unless a success. */
  private respond(
    req: NodeRequest,
    status: number,
    cause: FailureCause,
    span: number,
    inst: Instance | null,
  ): void {
    const now = this.world.sim.now;
    if (inst !== null) {
      if (isSuccess(status)) inst.completed++;
      else inst.failed++;
    }
    this.stats.record(status, cause, req.arrivedMs, now);
    if (req.trace && span >= 0) this.world.traces.close(req.trace, span, now, status);
    this.onAnswered?.(req, status, now);
    req.replyTo.onReply(req, status, cause);
  }

  /** Answers `req` before admitting it (counted apart in the latency, see NodeStats.refusedLatency). */
  private refuse(
    req: NodeRequest,
    status: number,
    cause: FailureCause,
    span: number,
    inst: Instance | null,
  ): void {
    this.respond(req, status, cause, span, inst);
    this.stats.recordRefusal(req.arrivedMs, this.world.sim.now);
  }

  private pickLocal(): Instance | undefined {
    const n = this.pool.length;
    for (let k = 0; k < n; k++) {
      const i = (this.localCursor + k) % n;
      if (this.pool[i]!.up) {
        this.localCursor = (i + 1) % n;
        return this.pool[i];
      }
    }
    return undefined;
  }
}

function workDone(exec: Exec): void {
  if (exec.dead) return;
  exec.stepIndex++;
  if (exec.hasSlot) exec.station.releaseSlot(exec);
  // The error probability fails a request right after its first piece of work.
  if (!exec.errorChecked && exec.station.drawError(exec)) return;
  exec.station.runSteps(exec);
}

function callDone(exec: Exec, status: number, call: Call): void {
  if (exec.dead) return;
  if (!isSuccess(status)) {
    // The status becomes 502 unless the node passes it on; the cause travels on unchanged.
    exec.station.complete(exec, exec.endpoint.propagate ? status : 502, call.cause);
    return;
  }
  exec.stepIndex++;
  exec.station.runSteps(exec);
}

/**
 * Runs a custom step. Out of line: the closures it hands the step capture `exec`, and a capture in
 * runSteps would make every call of it allocate a context for them.
 */
function runCustom(exec: Exec, step: CustomStep): void {
  step.run(
    exec.req,
    exec.span,
    (status, cause) => customDone(exec, status, cause),
    () => !exec.dead,
  );
}

function customDone(exec: Exec, status: number, cause: FailureCause): void {
  if (exec.dead || exec.customDone === exec.stepIndex) return;
  exec.customDone = exec.stepIndex;
  if (!isSuccess(status)) {
    exec.station.complete(exec, status, cause);
    return;
  }
  exec.stepIndex++;
  exec.station.runSteps(exec);
}

function markUnroutable(arg: { station: StationRuntime; inst: Instance; epoch: number }): void {
  // Only if the instance is still the one that died (not restarted meanwhile).
  if (arg.inst.epoch !== arg.epoch || arg.inst.up || !arg.inst.routable) return;
  arg.inst.routable = false;
  arg.station.routingVersion++;
}
