import { edgeKindLabel } from './connections';
import type { ArchDocument, ArchEdge } from './schema';

/**
 * What a link carries, in one sentence naming the default a new link added, so the person knows
 * where to edit it ("API gateway routes /orders to Order service"); the edge kind otherwise.
 */
export function describeLink(doc: ArchDocument, edge: ArchEdge): string {
  const source = doc.nodes.find((n) => n.id === edge.source);
  const target = doc.nodes.find((n) => n.id === edge.target);
  const fallback = `Linked as ${edgeKindLabel(edge.kind)}`;
  if (!source || !target) return fallback;
  const from = source.label || source.id;
  const to = target.label || target.id;
  switch (source.kind) {
    case 'client': {
      const requests = source.config.requestMix.map((t) => `${t.method} ${t.path}`);
      return `${from} sends ${requests.join(', ')} to ${to}`;
    }
    case 'gateway': {
      const routes = source.config.routes.filter((r) => r.target === target.id).map((r) => r.pathPrefix);
      return routes.length > 0 ? `${from} routes ${routes.join(', ')} to ${to}` : fallback;
    }
    case 'proxy':
      return source.config.attachedTo === target.id ? `${from} is the sidecar of ${to}` : fallback;
    case 'eventBus': {
      const sub =
        target.kind === 'service' ? target.config.subscriptions.find((s) => s.bus === source.id) : null;
      return sub ? `${to} consumes "${sub.topic}" from ${from} as group ${sub.group}` : fallback;
    }
    case 'eventStore':
      return target.kind === 'readModel' && target.config.source === source.id
        ? `${to} projects the events of ${from}`
        : fallback;
    case 'service': {
      const step = source.config.endpoints
        .flatMap((ep) => ep.steps.map((s) => ({ ep, s })))
        .find(({ s }) => s.kind !== 'work' && s.target === target.id);
      if (!step) return fallback;
      const where = `in ${step.ep.method} ${step.ep.path}`;
      switch (step.s.kind) {
        case 'call':
          return `${from} calls ${to} ${step.s.method} ${step.s.path} ${where}`;
        case 'publish':
          return `${from} publishes "${step.s.topic}" to ${to} ${where}`;
        case 'append':
          return `${from} appends ${step.s.eventType} to ${to} ${where}`;
        case 'query':
          return `${from} queries ${to} ${where}`;
        case 'log':
          return `${from} logs to ${to} ${where}`;
        default:
          return fallback;
      }
    }
    default:
      return fallback;
  }
}
