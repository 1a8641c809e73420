import type { AnalysisContext } from './context';
import { plural } from './numbers';
import { publishedTopics } from './rules/eventTopics';
import type { StyleMatch } from './types';

const stepsOf = (ctx: AnalysisContext) =>
  ctx.graph
    .ofKind('service')
    .flatMap((s) => [
      ...s.config.endpoints.flatMap((e) => e.steps.map((step) => ({ service: s.id, step }))),
      ...s.config.subscriptions.flatMap((x) => x.steps.map((step) => ({ service: s.id, step }))),
    ]);

/**
 * Recognises the seed's architecture styles (microservices, service mesh, event-driven, CQRS /
 * event sourcing, distributed logging) from the nodes and wiring that implement them.
 */
export function recogniseStyles(ctx: AnalysisContext): StyleMatch[] {
  const { graph } = ctx;
  const out: StyleMatch[] = [];
  const services = graph.ofKind('service');
  const steps = stepsOf(ctx);

  const serviceCalls = graph.edges.filter(
    (e) =>
      e.kind === 'sync' &&
      graph.node(e.source)?.kind === 'service' &&
      graph.node(e.target)?.kind === 'service',
  );
  const gateways = graph.ofKind('gateway');
  const registries = graph.ofKind('registry');
  const configs = graph.ofKind('configServer');
  if (services.length >= 2 && (serviceCalls.length > 0 || gateways.length > 0 || registries.length > 0)) {
    const evidence = [`${plural(services.length, 'independently deployed service')}`];
    if (serviceCalls.length > 0) evidence.push(`${plural(serviceCalls.length, 'service-to-service call')}`);
    if (gateways.length > 0) evidence.push(`${plural(gateways.length, 'API gateway')} as the entry point`);
    if (registries.length > 0) evidence.push('a service registry for discovery');
    if (configs.length > 0) evidence.push('a config server for externalized configuration');
    out.push({
      style: 'microservices',
      name: 'Microservices',
      evidence,
      nodeIds: [...services, ...gateways, ...registries, ...configs].map((n) => n.id),
    });
  }

  const proxies = graph.ofKind('proxy');
  const planes = graph.ofKind('controlPlane');
  if (proxies.length > 0 || planes.length > 0) {
    const attached = proxies.filter((p) => p.config.attachedTo !== undefined);
    const evidence = [`${plural(proxies.length, 'sidecar proxy', 'sidecar proxies')} in the data plane`];
    if (attached.length > 0) evidence.push(`${plural(attached.length, 'sidecar')} attached to services`);
    if (planes.length > 0) evidence.push('a control plane that distributes routes and policies');
    out.push({
      style: 'serviceMesh',
      name: 'Service mesh',
      evidence,
      nodeIds: [...proxies, ...planes].map((n) => n.id),
    });
  }

  const buses = graph.ofKind('eventBus');
  const published = publishedTopics(graph);
  const subscribers = services.filter((s) => s.config.subscriptions.length > 0);
  const publishers = [...new Set([...published.values()].flatMap((t) => [...t.values()].flat()))];
  if (buses.length > 0 && (publishers.length > 0 || subscribers.length > 0)) {
    out.push({
      style: 'eventDriven',
      name: 'Event-driven',
      evidence: [
        `${plural(buses.length, 'event bus', 'event buses')}`,
        `${plural(publishers.length, 'publishing service')}`,
        `${plural(subscribers.length, 'subscribing service')}`,
      ],
      nodeIds: [...buses.map((b) => b.id), ...new Set([...publishers, ...subscribers.map((s) => s.id)])],
    });
  }

  const stores = graph.ofKind('eventStore');
  const readModels = graph.ofKind('readModel');
  const appends = steps.filter((s) => s.step.kind === 'append');
  const queries = steps.filter((s) => s.step.kind === 'query');
  if (stores.length > 0 && (appends.length > 0 || readModels.length > 0)) {
    const evidence = [`${plural(stores.length, 'event store')} holding event streams`];
    if (appends.length > 0)
      evidence.push(`commands append events (${[...new Set(appends.map((a) => a.service))].join(', ')})`);
    if (readModels.length > 0)
      evidence.push(`${plural(readModels.length, 'read model')} projected from events`);
    if (queries.length > 0) evidence.push('queries read the read models, apart from the write side');
    out.push({
      style: 'cqrsEventSourcing',
      name: readModels.length > 0 ? 'CQRS with event sourcing' : 'Event sourcing',
      evidence,
      nodeIds: [...stores, ...readModels].map((n) => n.id),
    });
  }

  const routers = graph.ofKind('logRouter');
  const logStores = graph.ofKind('logStore');
  const loggers = [...new Set(steps.filter((s) => s.step.kind === 'log').map((s) => s.service))];
  if (routers.length > 0 && (logStores.length > 0 || loggers.length > 0)) {
    out.push({
      style: 'distributedLogging',
      name: 'Distributed logging',
      evidence: [
        `${plural(loggers.length, 'service')} ${loggers.length === 1 ? 'ships' : 'ship'} logs to ${plural(routers.length, 'log router')}`,
        `${plural(logStores.length, 'log store')} as shards`,
      ],
      nodeIds: [...routers, ...logStores].map((n) => n.id),
    });
  }
  return out;
}
