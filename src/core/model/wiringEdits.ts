import type { z } from 'zod';
import type { NodeKind } from '../kinds/nodeKinds';
import { type ArchDocument, type ArchNode, type NodeOfKind, nodeConfigSchemas, type Step } from './schema';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request a client can send: what a new link aims the client at. */
export interface RequestTarget {
  method: Method;
  path: string;
}

/** Node `id` when it is of `kind`. */
export function byId<K extends NodeKind>(doc: ArchDocument, id: string, kind: K): NodeOfKind<K> | undefined {
  const node = doc.nodes.find((n) => n.id === id);
  return node?.kind === kind ? (node as NodeOfKind<K>) : undefined;
}

/** The document with `node`'s config replaced, parsed by its kind's schema so every default is filled. */
export function setConfig<K extends NodeKind>(
  doc: ArchDocument,
  node: NodeOfKind<K>,
  config: z.input<(typeof nodeConfigSchemas)[K]>,
): ArchDocument {
  const parsed: unknown = nodeConfigSchemas[node.kind].parse(config);
  const nodes = doc.nodes.map((n) => (n.id === node.id ? ({ ...n, config: parsed } as ArchNode) : n));
  return { ...doc, nodes };
}

/** The service that answers requests sent to `node`: the node itself, or a sidecar's service. */
export function servingService(doc: ArchDocument, node: ArchNode): NodeOfKind<'service'> | undefined {
  if (node.kind === 'service') return node;
  if (node.kind !== 'proxy') return undefined;
  if (node.config.attachedTo !== undefined) return byId(doc, node.config.attachedTo, 'service');
  const edge = doc.edges.find((e) => e.source === node.id && byId(doc, e.target, 'service'));
  return edge ? byId(doc, edge.target, 'service') : undefined;
}

/** The first endpoint's method and path (`GET /` when the service has none). */
export function firstRequest(service: NodeOfKind<'service'>): RequestTarget {
  const ep = service.config.endpoints[0];
  return ep ? { method: ep.method, path: ep.path } : { method: 'GET', path: '/' };
}

/** One request per endpoint of the service. */
export function requestsOfService(service: NodeOfKind<'service'>): RequestTarget[] {
  return service.config.endpoints.map((ep) => ({ method: ep.method, path: ep.path }));
}

/** One request per route of the gateway: its prefix, with the method of the endpoint behind it. */
export function requestsOfGateway(doc: ArchDocument, gateway: NodeOfKind<'gateway'>): RequestTarget[] {
  return gateway.config.routes.map((r) => {
    const target = doc.nodes.find((n) => n.id === r.target);
    const service = target ? servingService(doc, target) : undefined;
    const upstream = r.rewritePath ?? r.pathPrefix;
    const ep =
      service?.config.endpoints.find((e) => reaches(upstream, e.path)) ?? service?.config.endpoints[0];
    return { method: ep?.method ?? 'GET', path: r.pathPrefix };
  });
}

/** Whether a request to `path` reaches what is served at `prefix` (equal, or below it). */
function reaches(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

const isPlaceholder = (t: NodeOfKind<'client'>['config']['requestMix'][number]) =>
  t.weight === 1 && t.method === 'GET' && t.path === '/' && Object.keys(t.headers).length === 0;

/**
 * The client sends to each of `requests` that none of its requests reaches yet. A mix that is still
 * the palette's placeholder (one `GET /`) is replaced; a mix someone wrote is kept and added to.
 */
export function aimClient(
  doc: ArchDocument,
  client: NodeOfKind<'client'>,
  requests: readonly RequestTarget[],
): ArchDocument {
  const mix = client.config.requestMix;
  const kept = mix.length === 1 && isPlaceholder(mix[0]!) ? [] : mix;
  const added = requests.filter((r) => !kept.some((t) => t.method === r.method && reaches(t.path, r.path)));
  if (added.length === 0 || (kept.length === 0 && sameRequests(mix, added))) return doc;
  const requestMix = [
    ...kept,
    ...added.map((r) => ({ weight: 1, method: r.method, path: r.path, headers: {} })),
  ];
  return setConfig(doc, client, { ...client.config, requestMix });
}

function sameRequests(mix: readonly RequestTarget[], requests: readonly RequestTarget[]): boolean {
  return (
    mix.length === requests.length &&
    mix.every((t, i) => t.method === requests[i]!.method && t.path === requests[i]!.path)
  );
}

function sameStep(a: Step, b: Step): boolean {
  if (a.kind !== b.kind || a.kind === 'work' || b.kind === 'work') return false;
  return a.target === b.target;
}

/**
 * The service with `step` at the end of its first endpoint (a `GET /` endpoint is created when it has
 * none), unless that endpoint already has a step of the kind to the same target.
 */
export function addStep(doc: ArchDocument, service: NodeOfKind<'service'>, step: Step): ArchDocument {
  const [first, ...rest] = service.config.endpoints;
  if (first?.steps.some((s) => sameStep(s, step))) return doc;
  const endpoint = first
    ? { ...first, steps: [...first.steps, step] }
    : { method: 'GET' as const, path: '/', steps: [{ kind: 'work' as const }, step] };
  return setConfig(doc, service, { ...service.config, endpoints: [endpoint, ...rest] });
}

/** Topics some service publishes on bus `busId`. */
export function publishedTopics(doc: ArchDocument, busId: string): Set<string> {
  const topics = new Set<string>();
  for (const n of doc.nodes) {
    if (n.kind === 'eventProcessor' && n.config.output?.bus === busId) topics.add(n.config.output.topic);
    if (n.kind !== 'service') continue;
    for (const steps of [...n.config.endpoints, ...n.config.subscriptions].map((h) => h.steps)) {
      for (const s of steps) {
        if (s.kind === 'publish' && s.target === busId) topics.add(s.topic);
        if (s.kind === 'append' && s.publish?.target === busId) topics.add(s.publish.topic);
      }
    }
  }
  return topics;
}

/** The bus with `topic` declared (3 partitions, 5 deliveries: the defaults), unless it already is. */
export function declareTopic(doc: ArchDocument, busId: string, topic: string): ArchDocument {
  const bus = byId(doc, busId, 'eventBus');
  if (!bus || bus.config.topics.some((t) => t.name === topic)) return doc;
  return setConfig(doc, bus, {
    ...bus.config,
    topics: [...bus.config.topics, { name: topic, partitions: 3, maxDeliveries: 5 }],
  });
}
