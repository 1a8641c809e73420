import type { EdgeKind, NodeKind } from './schema';

/** The outcome of asking whether one node kind may link to another. */
export type ConnectionRule = { ok: true; kind: EdgeKind } | { ok: false; reason: string };

/** Human names of node kinds, used in refusal messages and UI labels. */
export const nodeKindNames: Readonly<Record<NodeKind, string>> = {
  client: 'client',
  gateway: 'API gateway',
  service: 'service',
  proxy: 'sidecar proxy',
  controlPlane: 'mesh control plane',
  registry: 'service registry',
  configServer: 'config server',
  eventBus: 'event bus',
  eventStore: 'event store',
  readModel: 'read model',
  logRouter: 'log router',
  logStore: 'log store',
};

const edgeKindLabels: Readonly<Record<EdgeKind, string>> = {
  sync: 'sync call',
  async: 'async publish / subscribe',
  eventStore: 'event-store append',
  projection: 'projection',
  query: 'read-model query',
  log: 'log shipping',
  registry: 'registry heartbeat / discovery',
  config: 'config fetch',
  mesh: 'mesh configuration',
};

/** A short human label of an edge kind, for edge captions, legends and messages. */
export function edgeKindLabel(kind: EdgeKind): string {
  return edgeKindLabels[kind];
}

/**
 * Allowed links: source kind -> target kind -> implied edge kind. The pairs mirror the seed's
 * components: callers make sync calls, the control plane configures proxies, services publish to
 * and consume from buses, append to event stores, query read models, and ship logs to a router.
 */
const allowed: Partial<Record<NodeKind, Partial<Record<NodeKind, EdgeKind>>>> = {
  client: { gateway: 'sync', service: 'sync', proxy: 'sync' },
  gateway: { service: 'sync', proxy: 'sync', registry: 'registry', configServer: 'config', logRouter: 'log' },
  service: {
    service: 'sync',
    proxy: 'sync',
    registry: 'registry',
    configServer: 'config',
    eventBus: 'async',
    eventStore: 'eventStore',
    readModel: 'query',
    logRouter: 'log',
  },
  // Sidecar -> service is the mesh data plane handing a request to its local application.
  proxy: { service: 'sync', registry: 'registry', logRouter: 'log' },
  controlPlane: { proxy: 'mesh' },
  eventBus: { service: 'async' },
  eventStore: { readModel: 'projection' },
  logRouter: { logStore: 'log' },
};

/** Why a kind cannot start a link to the refused target: what the kind does send, if anything. */
const sendsOnly: Readonly<Record<NodeKind, string>> = {
  client: 'clients only call API gateways, services or sidecar proxies',
  gateway:
    'API gateways only call services and sidecar proxies, and talk to registries, config servers and log routers',
  service:
    'services call services and proxies, publish to event buses, append to event stores, query read models, and talk to registries, config servers and log routers',
  proxy: 'sidecar proxies only forward to services, and talk to registries and log routers',
  controlPlane: 'a mesh control plane only configures sidecar proxies',
  registry: 'service registries only receive registrations and lookups',
  configServer: 'config servers only answer services and gateways',
  eventBus: 'event buses only deliver events to subscribed services',
  eventStore: 'event stores only feed projections into read models',
  readModel: 'read models only answer queries',
  logRouter: 'log routers only ship entries to log stores',
  logStore: 'log stores only receive entries from a log router',
};

function withArticle(name: string): string {
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

/** A node kind's human name with its indefinite article ("an event bus"), for messages. */
export function kindWithArticle(kind: NodeKind): string {
  return withArticle(nodeKindNames[kind]);
}

/**
 * Decides whether a `sourceKind` node may link to a `targetKind` node and which edge kind the pair
 * implies, so the editor and the validator refuse nonsense links with the same reason.
 */
export function connectionRule(sourceKind: NodeKind, targetKind: NodeKind): ConnectionRule {
  const kind = allowed[sourceKind]?.[targetKind];
  if (kind !== undefined) return { ok: true, kind };
  const source = nodeKindNames[sourceKind];
  const target = nodeKindNames[targetKind];
  const subject = withArticle(source);
  const reason = `${subject[0]!.toUpperCase()}${subject.slice(1)} cannot call ${withArticle(target)}: ${sendsOnly[sourceKind]}.`;
  return { ok: false, reason };
}

/** The ends of a prospective link: node ids and kinds, as the editor and the validator know them. */
export interface LinkEnd {
  id: string;
  kind: NodeKind;
}

/**
 * Like {@link connectionRule} but for two concrete nodes, so a node linked to itself is refused
 * too: no component kind calls itself over the network.
 */
export function connectionCheck(source: LinkEnd, target: LinkEnd): ConnectionRule {
  if (source.id === target.id) {
    return { ok: false, reason: `A node cannot connect to itself ("${source.id}").` };
  }
  return connectionRule(source.kind, target.kind);
}
