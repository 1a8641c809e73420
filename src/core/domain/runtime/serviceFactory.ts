import type { ArchNode, NodeOfKind } from '../../model/schema';
import { compileSteps, serviceResolver } from '../../sim/endpoints';
import type { NodeRuntimeFactory } from '../../sim/nodeFactories';
import { StationRuntime } from '../../sim/station';
import type { World } from '../../sim/world';
import { extendServiceEndpoints } from './serviceExtensions';

/**
 * A service runtime with subscriptions and domain behaviour: the station of the default service
 * factory, resolving the endpoints {@link extendServiceEndpoints} completes.
 */
export const domainServiceFactory: NodeRuntimeFactory = (world: World, node: ArchNode) => {
  const n = node as NodeOfKind<'service'>;
  const c = n.config;
  return new StationRuntime(world, node, c, () => {
    const linkTo = (target: string) => world.link(node.id, target);
    const endpoints = c.endpoints.map((ep) => ({
      method: ep.method,
      path: ep.path,
      name: `${ep.method} ${ep.path}`,
      steps: compileSteps(ep.steps, linkTo),
      propagate: false,
    }));
    return serviceResolver(extendServiceEndpoints(world, n, endpoints, linkTo));
  });
};
