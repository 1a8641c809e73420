import type { NodeRuntimeFactory } from '../../sim/nodeFactories';
import { EventBusRuntime } from './eventBusRuntime';
import { EventStoreRuntime } from './eventStoreRuntime';
import { LogRouterRuntime } from './logRouterRuntime';
import { LogStoreRuntime } from './logStoreRuntime';
import { ReadModelRuntime } from './readModelRuntime';

/** Runtimes of the event-driven and logging node kinds, keyed like the node-factory table. */
export const eventRuntimeFactories: Record<
  'eventBus' | 'eventStore' | 'readModel' | 'logRouter' | 'logStore',
  NodeRuntimeFactory
> = {
  eventBus: (world, node) => new EventBusRuntime(world, node),
  eventStore: (world, node) => new EventStoreRuntime(world, node),
  readModel: (world, node) => new ReadModelRuntime(world, node),
  logRouter: (world, node) => new LogRouterRuntime(world, node),
  logStore: (world, node) => new LogStoreRuntime(world, node),
};
