import { edgeKindLabel } from './connections';
import { sagaUses } from './saga';
import type { ArchDocument, ArchEdge, ArchNode } from './schema';

/** What a link carries, and the node whose config holds it (null for a membership link). */
export interface LinkNote {
  text: string;
  holder: string | null;
}

/**
 * What a link carries, in one sentence naming the default a new link added ("API gateway routes
 * /orders to Order service"), and the node to edit it in; the edge kind for membership links.
 */
export function describeLink(doc: ArchDocument, edge: ArchEdge): LinkNote {
  const source = doc.nodes.find((n) => n.id === edge.source);
  const target = doc.nodes.find((n) => n.id === edge.target);
  const text = source && target ? (carried(source, target) ?? sagaNote(doc, source, target)) : null;
  if (text === null) return { text: `Linked as ${edgeKindLabel(edge.kind)}`, holder: null };
  // A subscription lives on the consuming service, a projection's source on the read model.
  const heldByTarget = source?.kind === 'eventBus' || source?.kind === 'eventStore';
  return { text, holder: heldByTarget ? edge.target : edge.source };
}

/** What the order saga does over a link it uses without a step (docs/diagram-format.md). */
function sagaNote(doc: ArchDocument, source: ArchNode, target: ArchNode): string | null {
  if (!sagaUses(doc, source, target)) return null;
  const saga = `The order saga of ${source.label || source.id}`;
  const to = target.label || target.id;
  if (target.kind === 'eventBus') return `${saga} publishes "order_created" to ${to}`;
  if (target.kind === 'eventStore') return `${saga} appends each order's events to ${to}`;
  return `${saga} calls ${to} for each order`;
}

function carried(source: ArchNode, target: ArchNode): string | null {
  const from = source.label || source.id;
  const to = target.label || target.id;
  switch (source.kind) {
    case 'client': {
      const requests = source.config.requestMix.map((t) => `${t.method} ${t.path}`);
      return `${from} sends ${requests.join(', ')} to ${to}`;
    }
    case 'gateway': {
      const routes = source.config.routes.filter((r) => r.target === target.id).map((r) => r.pathPrefix);
      return routes.length > 0 ? `${from} routes ${routes.join(', ')} to ${to}` : null;
    }
    case 'proxy':
      return source.config.attachedTo === target.id ? `${from} is the sidecar of ${to}` : null;
    case 'eventBus': {
      const sub =
        target.kind === 'service'
          ? target.config.subscriptions.find((s) => s.bus === source.id)
          : target.kind === 'eventProcessor' && target.config.source?.bus === source.id
            ? target.config.source
            : null;
      return sub ? `${to} consumes "${sub.topic}" from ${from} as group ${sub.group}` : null;
    }
    case 'eventProcessor': {
      const out = source.config.output;
      return out?.bus === target.id ? `${from} publishes "${out.topic}" to ${to}` : null;
    }
    case 'eventStore':
      return target.kind === 'readModel' && target.config.source === source.id
        ? `${to} projects the events of ${from}`
        : null;
    case 'service':
      return serviceStep(source, target.id, from, to);
    default:
      return null;
  }
}

function serviceStep(source: ArchNode & { kind: 'service' }, targetId: string, from: string, to: string) {
  const found = source.config.endpoints
    .flatMap((ep) => ep.steps.map((s) => ({ ep, s })))
    .find(({ s }) => s.kind !== 'work' && s.target === targetId);
  if (!found) return null;
  const { ep, s } = found;
  const where = `in ${ep.method} ${ep.path}`;
  switch (s.kind) {
    case 'call':
      return `${from} calls ${to} ${s.method} ${s.path} ${where}`;
    case 'publish':
      return `${from} publishes "${s.topic}" to ${to} ${where}`;
    case 'append':
      return `${from} appends ${s.eventType} to ${to} ${where}`;
    case 'query':
      return `${from} queries ${to} ${where}`;
    case 'log':
      return `${from} logs to ${to} ${where}`;
    case 'request':
      return `${from} requests "${s.topic}" over ${to} ${where}`;
    default:
      return null;
  }
}
