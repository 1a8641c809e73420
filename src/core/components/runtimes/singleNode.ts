import type { ArchNode, NodeKind } from '../../model/schema';
import { NodeStats } from '../../sim/stats';
import type { InstanceView, NodeRequest, NodeRuntime } from '../../sim/types';
import type { World } from '../../sim/world';

const ONE_INSTANCE: InstanceView = { count: 1, isUp: () => true, isRoutable: () => true, load: () => 0 };

/**
 * Common ground of the data-plane nodes (bus, store, read model, log router, log store): one
 * always-up instance, request counters, and an answer helper that keeps requests conserved.
 * Instance faults are refused (the fault log says so), since these nodes model managed services.
 */
export abstract class SingleNodeRuntime implements NodeRuntime {
  readonly id: string;
  readonly kind: NodeKind;
  readonly stats: NodeStats;
  readonly instances = ONE_INSTANCE;
  /** Requests accepted and not yet answered. */
  protected pending = 0;

  constructor(
    readonly world: World,
    node: ArchNode,
  ) {
    this.id = node.id;
    this.kind = node.kind;
    this.stats = new NodeStats(world.warmupMs);
  }

  init(): void {}

  start(): void {}

  abstract handle(req: NodeRequest): void;

  /** Counts a request in; pair with {@link answer}. */
  protected accept(req: NodeRequest): void {
    this.stats.arrived++;
    this.pending++;
    req.arrivedMs = this.world.sim.now;
  }

  /** Answers an accepted request exactly once. */
  answer(req: NodeRequest, status: number): void {
    this.pending--;
    this.stats.record(status, req.arrivedMs, this.world.sim.now);
    req.replyTo.onReply(req, status);
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

  /** Extra fields of the node's summary entry. */
  summary(): Record<string, unknown> | null {
    return null;
  }
}

/** The value a step's `key` names: a header of the request, else one of its fields (path, method, source). */
export function requestKey(req: NodeRequest, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const header = req.headers[name];
  if (header !== undefined) return header;
  if (name === 'path') return req.path;
  if (name === 'method') return req.method;
  if (name === 'source') return req.sourceId;
  return undefined;
}
