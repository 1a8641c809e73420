import type { ArchNode, NodeKind } from '../model/schema';
import { NodeStats } from './stats';
import type { InstanceView, NodeRequest, NodeRuntime, NoSection } from './types';
import type { World } from './world';

/**
 * The defaults a node runtime without instance pools shares (clients, data-plane and control nodes):
 * identity and counters, no queue, and fault hooks that refuse (the fault log then says the kind
 * does not support the fault). Subclasses override what their kind really does.
 */
export abstract class BaseRuntime implements NodeRuntime {
  readonly id: string;
  readonly kind: NodeKind;
  readonly stats: NodeStats;
  abstract readonly instances: InstanceView;
  /** Requests accepted (or sent) and not yet answered. */
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

  accepts(_method?: string, _path?: string): boolean {
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

  kill(_instance?: number): boolean {
    return false;
  }

  restart(_instance?: number): boolean {
    return false;
  }

  addLatencyMs(_deltaMs?: number): boolean {
    return false;
  }

  setErrorRate(_rate?: number | null): boolean {
    return false;
  }

  /** The kind's section of the node's summary entry; kinds with one override this. */
  summary(): NoSection {
    return {};
  }
}
