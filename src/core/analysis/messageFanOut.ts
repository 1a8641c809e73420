import type { NodeOfKind, Step } from '../model/schema';
import { meanMs } from './distributionMean';
import type { ArchGraph } from './graph';
import type { Headers } from './matching';
import { addScaled, bump, emptyUnit, expectedAttempts, type Unit } from './unit';

/** What the fan-out needs of the request walk (flowUnits.ts's UnitBuilder): its graph, memo with cycle cuts, arrivals and steps. */
export interface UnitWalker {
  readonly graph: ArchGraph;
  /** Builds the unit of `key` once; a key already on the walk's stack is a cycle and yields nothing. */
  memoised(key: string, nodeId: string, build: () => Unit): Unit;
  /** Records one arrival at `nodeId` holding a slot `holdMs`, under `handler` when one matched. */
  arrive(u: Unit, nodeId: string, handler: string | null, holdMs: number): void;
  /** Runs a service's steps into `u`; returns the slot holding time in ms. */
  runSteps(
    u: Unit,
    node: NodeOfKind<'service'>,
    steps: readonly Step[],
    request: string,
    headers: Headers,
  ): number;
}

/**
 * Traffic units of the asynchronous sends of a step: a publish fans out to every consumer group's
 * subscribers, an append to the store's projections, a log line to the router's shards.
 */
export class MessageFanOut {
  private readonly graph: ArchGraph;

  constructor(private readonly walker: UnitWalker) {
    this.graph = walker.graph;
  }

  /** One event on `topic` of `busId`, delivered to each consumer group with its redeliveries. */
  publish(busId: string, topic: string): Unit {
    return this.walker.memoised(`p|${busId}|${topic}`, busId, () => {
      const u = emptyUnit();
      const bus = this.graph.node(busId);
      if (bus?.kind !== 'eventBus') return u;
      this.walker.arrive(u, busId, `topic ${topic}`, 0);
      u.responseMs = meanMs(bus.config.deliveryLatencyMs);
      const maxDeliveries = bus.config.topics.find((t) => t.name === topic)?.maxDeliveries ?? 5;
      for (const members of subscriberGroups(this.graph, busId, topic).values()) {
        const instances = members.reduce((s, m) => s + m.service.config.instances, 0);
        for (const m of members) {
          // A group's partitions spread over its members' consumers, roughly by instance count.
          const share = m.service.config.instances / instances;
          const child = this.subscription(m.service, m.index);
          const edge = this.graph.edge(busId, m.service.id);
          const attempts = expectedAttempts(m.service.config.errorRate, maxDeliveries - 1);
          if (edge) {
            bump(u.nominal, `e|${edge.id}`, share);
            bump(u.nominal, `a|${edge.id}`, share * attempts);
            bump(u.worst, `a|${edge.id}`, share * maxDeliveries);
          }
          addScaled(u.nominal, child.nominal, share * attempts);
          addScaled(u.worst, child.worst, share * maxDeliveries);
        }
      }
      return u;
    });
  }

  private subscription(service: NodeOfKind<'service'>, index: number): Unit {
    return this.walker.memoised(`s|${service.id}|${index}`, service.id, () => {
      const u = emptyUnit();
      const sub = service.config.subscriptions[index]!;
      const name = `on ${sub.topic} (${sub.group})`;
      const holdMs = this.walker.runSteps(u, service, sub.steps, name, {});
      this.walker.arrive(u, service.id, name, holdMs);
      u.responseMs = holdMs;
      return u;
    });
  }

  /** One append to `storeId` and the projection update of each read model it feeds. */
  append(storeId: string): Unit {
    return this.walker.memoised(`a|${storeId}`, storeId, () => {
      const u = emptyUnit();
      const store = this.graph.node(storeId);
      if (store?.kind !== 'eventStore') return u;
      this.walker.arrive(u, storeId, 'append', 0);
      u.responseMs = meanMs(store.config.appendLatencyMs);
      for (const rm of projectionsOf(this.graph, storeId)) {
        const edge = this.graph.edge(storeId, rm.id);
        if (edge) bump(u.nominal, `e|${edge.id}`, 1);
        if (edge) bump(u.nominal, `a|${edge.id}`, 1);
        this.walker.arrive(u, rm.id, 'projection', 0);
      }
      return u;
    });
  }

  /** One query of a read model; nothing fans out from it. */
  query(readModelId: string): Unit {
    const u = emptyUnit();
    const rm = this.graph.node(readModelId);
    if (rm?.kind !== 'readModel') return u;
    this.walker.arrive(u, readModelId, 'query', 0);
    u.responseMs = meanMs(rm.config.queryLatencyMs);
    return u;
  }

  /** One log line at `routerId`, spread evenly over its log stores. */
  log(routerId: string): Unit {
    return this.walker.memoised(`l|${routerId}`, routerId, () => {
      const u = emptyUnit();
      this.walker.arrive(u, routerId, null, 0);
      const stores = this.graph.from(routerId).filter((e) => this.graph.node(e.target)?.kind === 'logStore');
      for (const e of stores) {
        bump(u.nominal, `e|${e.id}`, 1 / stores.length);
        bump(u.nominal, `a|${e.id}`, 1 / stores.length);
        bump(u.nominal, `n|${e.target}`, 1 / stores.length);
        bump(u.worst, `n|${e.target}`, 1 / stores.length);
      }
      return u;
    });
  }
}

/** A subscription of a service, by its index in the service's list. */
export interface Subscriber {
  service: NodeOfKind<'service'>;
  index: number;
}

/** Subscribers of `topic` on `busId` by consumer group, in document order. */
export function subscriberGroups(graph: ArchGraph, busId: string, topic: string): Map<string, Subscriber[]> {
  const groups = new Map<string, Subscriber[]>();
  for (const service of graph.ofKind('service')) {
    service.config.subscriptions.forEach((s, index) => {
      if (s.bus !== busId || s.topic !== topic) return;
      const list = groups.get(s.group) ?? [];
      list.push({ service, index });
      groups.set(s.group, list);
    });
  }
  return groups;
}

/** Read models fed by an event store: by their `source` or by a projection edge. */
function projectionsOf(graph: ArchGraph, storeId: string): NodeOfKind<'readModel'>[] {
  return graph
    .ofKind('readModel')
    .filter((rm) => rm.config.source === storeId || graph.edge(storeId, rm.id)?.kind === 'projection');
}
