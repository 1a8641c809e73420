import { compileDistribution, type Sampler } from '../engine/distributions';
import type { Sfc32 } from '../engine/rng';
import { CAUSE, type FailureCause } from '../metrics/failureCause';
import type { NodeOfKind } from '../model/schema';
import { BaseRuntime } from './baseRuntime';
import type { Call, EdgeLink } from './edgeLink';
import { RateSchedule } from './rateSchedule';
import type { InstanceView, NodeRequest } from './types';
import type { World } from './world';

interface Template {
  method: string;
  path: string;
  headers: Readonly<Record<string, string>>;
  /** Cumulative weight, for a weighted pick by one uniform draw. */
  upTo: number;
  link: EdgeLink | null;
}

const NO_INSTANCES: InstanceView = { count: 0, isUp: () => false, isRoutable: () => false, load: () => 0 };

/**
 * A client: generates requests (an open workload with Poisson or regular arrivals at a rate that the
 * scenario may step or ramp, or a closed workload of users with think time) from a weighted request
 * mix, and sends each over one of its outgoing edges. Its own counts are the system's requests.
 */
export class ClientRuntime extends BaseRuntime {
  readonly instances = NO_INSTANCES;
  private readonly rng: Sfc32;
  private templates: Template[] = [];
  private totalWeight = 0;
  // Open workload.
  private rate: RateSchedule | null = null;
  private readonly poisson: boolean;
  // Closed workload.
  private users: RateSchedule | null = null;
  private activeUsers = 0;
  private targetUsers = 0;
  private readonly think: Sampler | null;

  constructor(
    world: World,
    readonly node: NodeOfKind<'client'>,
  ) {
    super(world, node);
    this.rng = world.rng(`node:${node.id}`);
    const w = node.config.workload;
    this.poisson = w.kind === 'open' && w.arrival === 'poisson';
    this.think = w.kind === 'closed' ? compileDistribution(w.thinkTimeMs) : null;
  }

  override start(): void {
    // Templates pick their edge here, not in init(): targets answer accepts() only once initialised.
    this.compileTemplates();
    const walkthrough = this.world.options.walkthrough;
    if (walkthrough) {
      // A walkthrough follows one request: the chosen client sends it at time zero, nobody else sends.
      if (walkthrough.clientId === this.id) {
        this.world.sim.scheduleAt(0, sendOnce, { client: this, index: walkthrough.mixIndex });
      }
      return;
    }
    const w = this.node.config.workload;
    const changes = this.world.document.scenario.workloadChanges;
    if (w.kind === 'open') {
      this.rate = RateSchedule.fromChanges(w.ratePerSec, this.id, changes, 'ratePerSec');
      this.scheduleArrival();
    } else {
      this.users = RateSchedule.fromChanges(w.users, this.id, changes, 'users');
      this.scheduleUserChanges();
      this.setTargetUsers(w.users);
    }
  }

  private compileTemplates(): void {
    const links = this.world.linksFrom(this.id).filter((l) => l.edge.kind === 'sync');
    let upTo = 0;
    this.templates = this.node.config.requestMix.map((t) => {
      upTo += t.weight;
      // Several edges: the first whose target serves the path, else the first edge.
      const link = links.find((l) => l.target.accepts(t.method, t.path)) ?? links[0] ?? null;
      return { method: t.method, path: t.path, headers: t.headers, upTo, link };
    });
    this.totalWeight = upTo;
    if (links.length === 0) {
      this.world.log.append(
        0,
        'config',
        'warn',
        this.id,
        `client ${this.id} has no outgoing sync edge: its requests fail`,
      );
    }
  }

  handle(req: NodeRequest): void {
    // Nothing calls a client; answer so the caller is not left waiting.
    req.replyTo.onReply(req, 404, CAUSE.noRoute);
  }

  override accepts(): boolean {
    return false;
  }

  override healthyInstances(): number {
    return 0;
  }

  /** Sends one request from the mix (entry `mixIndex` when given, else a weighted draw). */
  send(mixIndex = -1): void {
    const sim = this.world.sim;
    this.stats.arrived++;
    this.pending++;
    let t = this.templates[Math.max(0, mixIndex)] ?? this.templates[0]!;
    if (mixIndex < 0 && this.templates.length > 1) {
      const x = this.rng.next() * this.totalWeight;
      for (const candidate of this.templates) {
        t = candidate;
        if (x < candidate.upTo) break;
      }
    }
    const trace = this.world.traces.maybeStart(sim.now);
    if (!t.link) {
      this.finish(503, CAUSE.notWired, sim.now);
      return;
    }
    let span = -1;
    if (trace) span = this.world.traces.open(trace, -1, this.id, null, `${t.method} ${t.path}`, sim.now);
    t.link.call(t.method, t.path, t.headers, null, trace, span, clientDone, this, -1, true);
  }

  /** Records the end of one request, failed for `cause` unless a success: the system's own count. */
  finish(status: number, cause: FailureCause, startMs: number): void {
    this.pending--;
    this.stats.record(status, cause, startMs, this.world.sim.now);
    if (this.users && this.think) {
      if (this.activeUsers > this.targetUsers) this.activeUsers--;
      else this.world.sim.schedule(this.think.draw(this.rng), userThinkDone, this);
    }
  }

  /** Schedules the next arrival of the open workload after now. */
  scheduleArrival(): void {
    const amount = this.poisson ? -Math.log(1 - this.rng.next()) : 1;
    const at = this.rate!.advance(this.world.sim.now, amount);
    if (at <= this.world.options.durationMs) this.world.sim.scheduleAt(at, arrive, this);
  }

  private setTargetUsers(target: number): void {
    this.targetUsers = Math.round(target);
    while (this.activeUsers < this.targetUsers) {
      this.activeUsers++;
      this.world.sim.schedule(this.think!.draw(this.rng), userThinkDone, this);
    }
  }

  private scheduleUserChanges(): void {
    const users = this.users!;
    // Users change in whole steps: at each breakpoint, and once per user along a ramp.
    const times = users.timesMs;
    for (let i = 1; i < times.length; i++) {
      const from = users.values[i - 1]!;
      const to = users.values[i]!;
      const steps = Math.abs(Math.round(to) - Math.round(from));
      if (steps === 0) continue;
      const ramp: UserRamp = { client: this, from, to, t0: times[i - 1]!, t1: times[i]!, steps, k: 0 };
      if (ramp.t1 === ramp.t0) {
        ramp.k = steps - 1;
        this.world.sim.scheduleAt(ramp.t1, rampStep, ramp);
      } else this.scheduleRampStep(ramp);
    }
  }

  /**
   * Schedules the next step of a user ramp: one event waits per ramp, not one per user, so a ramp
   * over many users holds no memory up front.
   */
  scheduleRampStep(ramp: UserRamp): void {
    const k = ramp.k + 1;
    this.world.sim.scheduleAt(ramp.t0 + ((ramp.t1 - ramp.t0) * k) / ramp.steps, rampStep, ramp);
  }

  /** Applies a new user target (used by timeline events). */
  applyUsers(users: number): void {
    this.setTargetUsers(users);
  }
}

/** A ramp of a closed workload's users between two breakpoints, walked one user step at a time. */
interface UserRamp {
  client: ClientRuntime;
  from: number;
  to: number;
  t0: number;
  t1: number;
  steps: number;
  /** Steps taken so far. */
  k: number;
}

function rampStep(ramp: UserRamp): void {
  ramp.k++;
  ramp.client.applyUsers(ramp.from + ((ramp.to - ramp.from) * ramp.k) / ramp.steps);
  if (ramp.k < ramp.steps) ramp.client.scheduleRampStep(ramp);
}

function arrive(client: ClientRuntime): void {
  client.send();
  client.scheduleArrival();
}

function clientDone(client: ClientRuntime, status: number, call: Call): void {
  // The caller span of a client's call is the request's root span.
  if (call.trace) client.world.traces.close(call.trace, call.callerSpanId, client.world.sim.now, status);
  client.finish(status, call.cause, call.startMs);
}

function sendOnce(arg: { client: ClientRuntime; index: number }): void {
  arg.client.send(arg.index);
}

function userThinkDone(client: ClientRuntime): void {
  client.send();
}
