import { managed } from '../components/runtimes/managedRuntime';
import { resilienceNodeFactories } from '../components/runtimes/resilienceFactories';
import { eventRuntimeFactories } from '../components/runtimes/runtimeFactories';
import { extendServiceEndpoints } from '../domain/runtime/serviceExtensions';
import type { ArchNode, NodeKind, NodeOfKind } from '../model/schema';
import { ClientRuntime } from './client';
import { compileSteps, type Resolver, serviceResolver } from './endpoints';
import { StationRuntime } from './station';
import type { NodeRuntime } from './types';
import type { World } from './world';

/** Builds the runtime of one node. */
export type NodeRuntimeFactory = (world: World, node: ArchNode) => NodeRuntime;

function service(world: World, node: ArchNode): NodeRuntime {
  const n = node as NodeOfKind<'service'>;
  const c = n.config;
  return new StationRuntime(world, node, c, (): Resolver => {
    const linkTo = (target: string) => world.link(node.id, target);
    const endpoints = c.endpoints.map((ep) => ({
      method: ep.method,
      path: ep.path,
      name: `${ep.method} ${ep.path}`,
      steps: compileSteps(ep.steps, linkTo),
      propagate: false,
    }));
    // Subscriptions (bus deliveries) and e-commerce domain behaviour add endpoints.
    return serviceResolver(extendServiceEndpoints(world, n, endpoints, linkTo));
  });
}

/**
 * Node kind -> runtime factory. This table is the extension point for new behaviour: a module that
 * implements a kind for real replaces its entry here.
 */
export const nodeRuntimeFactories: Record<NodeKind, NodeRuntimeFactory> = {
  client: (world, node) => new ClientRuntime(world, node as NodeOfKind<'client'>),
  // Services can join a registry and take config keys; gateways, proxies, registries, config
  // servers and control planes come from the resilience runtimes.
  service: managed(service),
  ...resilienceNodeFactories,
  ...eventRuntimeFactories,
};
