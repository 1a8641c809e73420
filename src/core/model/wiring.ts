import type { kindDocuments } from '../kinds/documents';
import type { NodeKind } from '../kinds/nodeKinds';
import { connectionCheck } from './connections';
import { sagaUses } from './saga';
import { type ArchDocument, type ArchEdge, edgeConfigSchema, type NodeOfKind } from './schema';
import {
  addStep,
  aimClient,
  byId,
  declareTopic,
  firstRequest,
  publishedTopics,
  requestsOfGateway,
  requestsOfService,
  servingService,
  setConfig,
} from './wiringEdits';
import { freshName, pascalOf, routePathOf, slugOf } from './wiringNames';

/** What drawing a link from `source` to `target` adds to the document, beyond the edge itself. */
type Wire<S extends NodeKind, T extends NodeKind> = (
  doc: ArchDocument,
  source: NodeOfKind<S>,
  target: NodeOfKind<T>,
) => ArchDocument;

type Targets<S extends NodeKind> = keyof (typeof kindDocuments)[S]['links'] & NodeKind;

/**
 * One wiring per allowed pair, keyed like the kinds' connection rules: a new link in a kind's
 * document part fails to compile until its wiring is written here.
 */
type Wirings = { [S in NodeKind]: { [T in Targets<S>]: Wire<S, T> } };

/** Links that are membership: the edge itself is what the run reads (registration, config, mesh, shards). */
const membership = (doc: ArchDocument): ArchDocument => doc;

/** The client sends its requests to what the target answers. */
const aimAt = (doc: ArchDocument, client: NodeOfKind<'client'>, target: NodeOfKind<NodeKind>) => {
  if (target.kind === 'gateway') return aimClient(doc, client, requestsOfGateway(doc, target));
  const service = servingService(doc, target);
  return service ? aimClient(doc, client, requestsOfService(service)) : doc;
};

/** A route to the target named after it, then every client of the gateway sends to the new route too. */
const route = (
  doc: ArchDocument,
  gateway: NodeOfKind<'gateway'>,
  target: NodeOfKind<'service' | 'proxy'>,
) => {
  let next = doc;
  if (!gateway.config.routes.some((r) => r.target === target.id)) {
    const upstream = servingService(doc, target);
    const endpointPath = upstream?.config.endpoints[0]?.path;
    const wanted = endpointPath && endpointPath !== '/' ? endpointPath : routePathOf(upstream ?? target);
    const pathPrefix = freshName(wanted, new Set(gateway.config.routes.map((r) => r.pathPrefix)));
    next = setConfig(next, gateway, {
      ...gateway.config,
      routes: [...gateway.config.routes, { pathPrefix, target: target.id }],
    });
  }
  const updated = byId(next, gateway.id, 'gateway');
  for (const edge of next.edges) {
    const client = edge.target === gateway.id ? byId(next, edge.source, 'client') : undefined;
    if (client && updated) next = aimClient(next, client, requestsOfGateway(next, updated));
  }
  return next;
};

/** A call from the caller's first endpoint to the callee's first endpoint. */
const call = (doc: ArchDocument, caller: NodeOfKind<'service'>, callee: NodeOfKind<'service' | 'proxy'>) => {
  if (sagaUses(doc, caller, callee)) return doc;
  const upstream = servingService(doc, callee);
  const { method, path } = upstream ? firstRequest(upstream) : { method: 'GET' as const, path: '/' };
  return addStep(doc, caller, { kind: 'call', target: callee.id, method, path });
};

/** A publish step to a declared topic nobody publishes yet, or to a new topic named after the publisher. */
const publish = (doc: ArchDocument, service: NodeOfKind<'service'>, bus: NodeOfKind<'eventBus'>) => {
  if (sagaUses(doc, service, bus)) return doc;
  const published = publishedTopics(doc, bus.id);
  const declared = bus.config.topics.map((t) => t.name);
  const topic =
    declared.find((name) => !published.has(name)) ??
    freshName(`${slugOf(service)}-events`, new Set([...declared, ...published]));
  const next = addStep(doc, service, { kind: 'publish', target: bus.id, topic });
  return next === doc ? doc : declareTopic(next, bus.id, topic);
};

/** A subscription, as a consumer group named after the service, to the bus's first published topic. */
const subscribe = (doc: ArchDocument, bus: NodeOfKind<'eventBus'>, service: NodeOfKind<'service'>) => {
  if (service.config.subscriptions.some((s) => s.bus === bus.id)) return doc;
  const published = publishedTopics(doc, bus.id);
  const declared = bus.config.topics.map((t) => t.name);
  const topic = declared.find((name) => published.has(name)) ?? declared[0] ?? [...published][0] ?? 'events';
  const subscriptions = [
    ...service.config.subscriptions,
    { bus: bus.id, topic, group: slugOf(service), steps: [{ kind: 'work' as const }] },
  ];
  return declareTopic(setConfig(doc, service, { ...service.config, subscriptions }), bus.id, topic);
};

/** The processor's source, when it has none: the bus's first published topic, as a group named after it. */
const consume = (doc: ArchDocument, bus: NodeOfKind<'eventBus'>, processor: NodeOfKind<'eventProcessor'>) => {
  if (processor.config.source !== undefined) return doc;
  const published = publishedTopics(doc, bus.id);
  const declared = bus.config.topics.map((t) => t.name);
  const topic = declared.find((name) => published.has(name)) ?? declared[0] ?? [...published][0] ?? 'events';
  const source = { bus: bus.id, topic, group: slugOf(processor) };
  return declareTopic(setConfig(doc, processor, { ...processor.config, source }), bus.id, topic);
};

/** The processor's output, when it has none: a new topic named after the processor. */
const output = (doc: ArchDocument, processor: NodeOfKind<'eventProcessor'>, bus: NodeOfKind<'eventBus'>) => {
  if (processor.config.output !== undefined) return doc;
  const taken = new Set([...bus.config.topics.map((t) => t.name), ...publishedTopics(doc, bus.id)]);
  const topic = freshName(`${slugOf(processor)}-results`, taken);
  const next = setConfig(doc, processor, { ...processor.config, output: { bus: bus.id, topic } });
  return declareTopic(next, bus.id, topic);
};

const wirings: Wirings = {
  client: { gateway: aimAt, service: aimAt, proxy: aimAt },
  gateway: {
    service: route,
    proxy: route,
    registry: membership,
    configServer: membership,
    logRouter: membership,
  },
  service: {
    service: call,
    proxy: call,
    registry: membership,
    configServer: membership,
    eventBus: publish,
    eventStore: (doc, s, store) =>
      sagaUses(doc, s, store)
        ? doc
        : addStep(doc, s, { kind: 'append', target: store.id, eventType: `${pascalOf(s)}Recorded` }),
    readModel: (doc, s, model) => addStep(doc, s, { kind: 'query', target: model.id }),
    logRouter: (doc, s, router) => {
      const { method, path } = firstRequest(s);
      return addStep(doc, s, { kind: 'log', target: router.id, level: 'info', message: `${method} ${path}` });
    },
  },
  proxy: {
    service: (doc, proxy, service) =>
      proxy.config.attachedTo === undefined
        ? setConfig(doc, proxy, { ...proxy.config, attachedTo: service.id })
        : doc,
    registry: membership,
    logRouter: membership,
  },
  controlPlane: { proxy: membership },
  registry: {},
  configServer: {},
  eventBus: { service: subscribe, eventProcessor: consume },
  eventProcessor: { eventBus: output },
  eventStore: {
    readModel: (doc, store, model) =>
      model.config.source === undefined ? setConfig(doc, model, { ...model.config, source: store.id }) : doc,
    // The outbox relay publishes over this edge what append steps wrote with `publish`.
    eventBus: membership,
  },
  readModel: {},
  logRouter: { logStore: membership, logProcessor: membership },
  logProcessor: { logStore: membership },
  logStore: {},
};

/**
 * The document after the link `edge` (already in `doc`) was drawn, with what makes it carry
 * traffic: a gateway route, a client's requests, a call, publish, append, query or log step, a
 * subscription, a sidecar's service, a read model's source (docs/diagram-format.md, "What a new link
 * adds"). What is already there is kept; membership links (registry, config, mesh, log shards) add
 * nothing. Pure: the same document and edge give the same result.
 */
export function wireDefaults(doc: ArchDocument, edge: ArchEdge): ArchDocument {
  const source = doc.nodes.find((n) => n.id === edge.source);
  const target = doc.nodes.find((n) => n.id === edge.target);
  if (!source || !target) return doc;
  const forSource = wirings[source.kind] as Partial<Record<NodeKind, Wire<NodeKind, NodeKind>>>;
  const wire = forSource[target.kind];
  return wire ? wire(doc, source, target) : doc;
}

/** The result of {@link linkNodes}: the new document and edge id, or why the link was refused. */
export type LinkResult = { ok: true; document: ArchDocument; edgeId: string } | { ok: false; reason: string };

/**
 * Adds a link from `sourceId` to `targetId` with the edge kind the pair implies and, when `wire`,
 * its defaults ({@link wireDefaults}), as one change; refuses pairs the connection rules refuse and
 * a second link between the same two nodes.
 */
export function linkNodes(doc: ArchDocument, sourceId: string, targetId: string, wire = true): LinkResult {
  const source = doc.nodes.find((n) => n.id === sourceId);
  const target = doc.nodes.find((n) => n.id === targetId);
  if (!source || !target) return { ok: false, reason: `No node "${source ? targetId : sourceId}".` };
  const rule = connectionCheck(source, target);
  if (!rule.ok) return rule;
  if (doc.edges.some((e) => e.source === sourceId && e.target === targetId)) {
    return {
      ok: false,
      reason: `${source.label || source.id} already links to ${target.label || target.id}.`,
    };
  }
  const taken = new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
  const base = `${sourceId}-${targetId}`.slice(0, 56);
  const edge: ArchEdge = {
    id: freshName(base, taken),
    source: sourceId,
    target: targetId,
    kind: rule.kind,
    config: edgeConfigSchema.parse({}),
  };
  const linked = { ...doc, edges: [...doc.edges, edge] };
  return { ok: true, document: wire ? wireDefaults(linked, edge) : linked, edgeId: edge.id };
}
