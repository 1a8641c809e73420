import { accessLogger } from '../../components/runtimes/accessLog';
import { ManagedRuntime } from '../../components/runtimes/managedRuntime';
import { extendServiceEndpoints } from '../../domain/runtime/serviceExtensions';
import { compileSteps, type Resolver, ServiceResolver } from '../../sim/endpoints';
import { StationRuntime } from '../../sim/station';
import type { NoSection } from '../../sim/types';
import type { KindRuntime } from '../kindRuntime';

/**
 * A service is a station whose endpoints run their steps; bus subscriptions and the e-commerce
 * domain add endpoints, and the managed wrapper lets it join a registry and take config keys. It adds
 * nothing to its summary entry.
 */
export const serviceRuntime: KindRuntime<'service', NoSection> = {
  create(world, node) {
    const c = node.config;
    const station = new StationRuntime(world, node, c, (): Resolver => {
      const linkTo = (target: string) => world.link(node.id, target);
      if (c.accessLog)
        station.onAnswered = accessLogger(world, node.id, c.accessLog, linkTo(c.accessLog.target));
      const endpoints = c.endpoints.map((ep) => ({
        method: ep.method,
        path: ep.path,
        name: `${ep.method} ${ep.path}`,
        steps: compileSteps(ep.steps, linkTo),
        propagate: false,
      }));
      // Subscriptions (bus deliveries) and e-commerce domain behaviour add endpoints.
      return new ServiceResolver(extendServiceEndpoints(world, node, endpoints, linkTo));
    });
    return new ManagedRuntime(world, station);
  },
};
