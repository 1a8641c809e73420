import { compileDistribution, type Sampler } from '../engine/distributions';
import type { Sfc32 } from '../engine/rng';
import type { ArchNode, Distribution, NodeKind } from '../model/schema';
import { NodeStats } from './stats';
import type { InstanceView, NodeRequest, NodeRuntime } from './types';
import type { World } from './world';

const ONE_INSTANCE: InstanceView = { count: 1, isUp: () => true, isRoutable: () => true, load: () => 0 };

interface Pending {
  runtime: AckRuntime;
  req: NodeRequest;
}

/**
 * A placeholder runtime for node kinds whose behaviour arrives later: it accepts every request or
 * step message and answers 200 after its latency, with no capacity limit, so documents using those
 * kinds already run and conserve requests.
 * TODO(issue 4): registry, config server, control plane. TODO(issue 5): event bus, event store,
 * read model, log router, log store replace this with real runtimes in nodeFactories.ts.
 */
export class AckRuntime implements NodeRuntime {
  readonly id: string;
  readonly kind: NodeKind;
  readonly stats: NodeStats;
  readonly instances = ONE_INSTANCE;
  private readonly rng: Sfc32;
  private readonly latency: Sampler;
  private pending = 0;

  constructor(
    readonly world: World,
    node: ArchNode,
    latencyMs: Distribution,
  ) {
    this.id = node.id;
    this.kind = node.kind;
    this.stats = new NodeStats(world.warmupMs);
    this.rng = world.rng(`node:${node.id}`);
    this.latency = compileDistribution(latencyMs);
  }

  init(): void {}

  start(): void {}

  handle(req: NodeRequest): void {
    this.stats.arrived++;
    this.pending++;
    req.arrivedMs = this.world.sim.now;
    this.world.sim.schedule(this.latency(this.rng), acknowledge, { runtime: this, req });
  }

  /** Answers one request 200. */
  answer(req: NodeRequest): void {
    this.pending--;
    this.stats.record(200, req.arrivedMs, this.world.sim.now);
    req.replyTo.onReply(req, 200);
  }

  accepts(): boolean {
    return true;
  }

  queueDepth(): number {
    return 0;
  }

  inFlight(): number {
    return this.pending;
  }

  healthyInstances(): number {
    return 1;
  }

  kill(): boolean {
    return false;
  }

  restart(): boolean {
    return false;
  }

  addLatencyMs(): boolean {
    return false;
  }

  setErrorRate(): boolean {
    return false;
  }
}

function acknowledge(p: Pending): void {
  p.runtime.answer(p.req);
}
