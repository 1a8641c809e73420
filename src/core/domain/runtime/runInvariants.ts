import { EventBusRuntime } from '../../components/runtimes/eventBusRuntime';
import { EventStoreRuntime } from '../../components/runtimes/eventStoreRuntime';
import { ReadModelRuntime } from '../../components/runtimes/readModelRuntime';
import type { InvariantCheck } from '../../sim/invariants';
import {
  checkMessages,
  checkOrders,
  checkReadModel,
  checkStock,
  checkStreamVersions,
  type Violation,
} from '../invariants';
import { peekDomain } from './domainContext';

/**
 * The event-driven and domain invariants of a run, for every run: stock never negative and
 * conserved, every order stream with one OrderPlaced and every confirmed order with one
 * order_created, contiguous stream versions and positions, each read model equal to a replay of its
 * store at its checkpoint, and no bus message lost (published = acked + dead-lettered + pending).
 * Each violation is reported as "<invariant>: <message>".
 */
export const eventInvariantCheck: InvariantCheck = (world) => {
  const found: Violation[] = [];
  const ctx = peekDomain(world);
  if (ctx) {
    found.push(...checkStock(ctx.domain.inventory));
    found.push(...checkOrders(ctx.domain.store, ctx.domain.ledger));
  }
  for (const node of world.nodes) {
    if (node instanceof EventStoreRuntime) found.push(...checkStreamVersions(node.eventStore));
    else if (node instanceof ReadModelRuntime && node.store)
      found.push(...checkReadModel(node.id, node.projection, node.store));
    else if (node instanceof EventBusRuntime) found.push(...checkMessages(node.bus));
  }
  if (ctx && !world.nodes.some((n) => n instanceof EventStoreRuntime))
    found.push(...checkStreamVersions(ctx.domain.store));
  return found.map((v) => `${v.invariant}: ${v.message}`);
};
