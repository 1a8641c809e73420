import type { ArchNode, Distribution, NodeKind, NodeOfKind } from '../model/schema';
import { AckRuntime } from './ackRuntime';
import { ClientRuntime } from './client';
import { callStep, compileSteps, type Endpoint, type Resolver, serviceResolver, workStep } from './endpoints';
import { StationRuntime } from './station';
import type { NodeRuntime } from './types';
import type { World } from './world';

/** Builds the runtime of one node. */
export type NodeRuntimeFactory = (world: World, node: ArchNode) => NodeRuntime;

const constantMs = (ms: number): Distribution => ({ kind: 'constant', ms });

function service(world: World, node: ArchNode): NodeRuntime {
  const n = node as NodeOfKind<'service'>;
  const c = n.config;
  // TODO(issue 5): subscriptions (bus consumers) and domain behaviour.
  return new StationRuntime(world, node, c, (): Resolver => {
    const linkTo = (target: string) => world.link(node.id, target);
    return serviceResolver(
      c.endpoints.map((ep) => ({
        method: ep.method,
        path: ep.path,
        name: `${ep.method} ${ep.path}`,
        steps: compileSteps(ep.steps, linkTo),
        propagate: false,
      })),
    );
  });
}

function gateway(world: World, node: ArchNode): NodeRuntime {
  const c = (node as NodeOfKind<'gateway'>).config;
  const station = { ...c, errorRate: 0 };
  // TODO(issue 4): token-bucket rate limit (429), auth check (401).
  return new StationRuntime(world, node, station, (): Resolver => {
    const routes = c.routes.map((r) => {
      const link = world.link(node.id, r.target) ?? null;
      const edgeTimeout = link ? link.edge.config.timeoutMs : 0;
      const timeout =
        r.timeoutMs === 0
          ? edgeTimeout
          : edgeTimeout === 0
            ? r.timeoutMs
            : Math.min(r.timeoutMs, edgeTimeout);
      const endpoint: Endpoint = {
        name: `route ${r.pathPrefix} -> ${r.target}`,
        steps: [workStep(null), callStep(link, r.target, null, r.rewritePath ?? null, null, true, timeout)],
        propagate: true,
      };
      return { prefix: r.pathPrefix, headers: Object.entries(r.headers), endpoint };
    });
    // Routes are tried in declared order; the first whose prefix and headers match wins.
    return (_method, path, headers) => {
      for (const r of routes) {
        if (path.startsWith(r.prefix) && r.headers.every(([k, v]) => headers[k] === v)) return r.endpoint;
      }
      return 404;
    };
  });
}

function proxy(world: World, node: ArchNode): NodeRuntime {
  const c = (node as NodeOfKind<'proxy'>).config;
  const station = {
    instances: 1,
    concurrency: c.connectionPool.maxConnections,
    queueCapacity: c.connectionPool.maxPendingRequests,
    serviceTimeMs: c.serviceTimeMs,
    errorRate: 0,
  };
  // TODO(issue 4): header routes, weighted splits, authorization, mTLS, outlier detection.
  return new StationRuntime(world, node, station, (): Resolver => {
    const candidates = [c.attachedTo, c.routes[0]?.destinations[0]?.target].filter((t): t is string => !!t);
    const link =
      candidates.map((t) => world.link(node.id, t)).find((l) => l !== undefined) ??
      world.linksFrom(node.id).find((l) => l.edge.kind === 'sync') ??
      null;
    const endpoint: Endpoint = {
      name: `forward -> ${link?.target.id ?? 'nowhere'}`,
      steps: [workStep(null), callStep(link, link?.target.id ?? '', null, null, null, true, -1)],
      propagate: true,
    };
    return () => endpoint;
  });
}

function ack(latency: (node: ArchNode) => Distribution): NodeRuntimeFactory {
  return (world, node) => new AckRuntime(world, node, latency(node));
}

/**
 * Node kind -> runtime factory. This table is the extension point for new behaviour: a module that
 * implements a kind for real replaces its entry here.
 */
export const nodeRuntimeFactories: Record<NodeKind, NodeRuntimeFactory> = {
  client: (world, node) => new ClientRuntime(world, node as NodeOfKind<'client'>),
  service,
  gateway,
  proxy,
  // TODO(issue 4): registry leases, config push/poll, control-plane propagation.
  registry: ack(() => constantMs(1)),
  configServer: ack(() => constantMs(1)),
  controlPlane: ack(() => constantMs(1)),
  // TODO(issue 5): topics and partitions, streams and versions, projections, log sharding.
  eventBus: ack((n) => (n as NodeOfKind<'eventBus'>).config.deliveryLatencyMs),
  eventStore: ack((n) => (n as NodeOfKind<'eventStore'>).config.appendLatencyMs),
  readModel: ack((n) => (n as NodeOfKind<'readModel'>).config.queryLatencyMs),
  logRouter: ack(() => constantMs(0.5)),
  logStore: ack(() => constantMs(1)),
};
