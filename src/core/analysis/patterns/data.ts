import type { AnalysisContext } from '../context';
import { subscriberGroups } from '../messageFanOut';
import { listWords, plural } from '../numbers';
import { publishedTopics } from '../rules/eventTopics';
import type { PatternMatch } from '../types';

const uniq = (ids: string[]) => [...new Set(ids)];

/** Data and event patterns: pub/sub, dead-letter queues, event sourcing, CQRS, saga, logging. */
export function dataPatterns(ctx: AnalysisContext): PatternMatch[] {
  const { graph } = ctx;
  const out: PatternMatch[] = [];
  const published = publishedTopics(graph);
  const consumed: {
    bus: string;
    topic: string;
    groups: string[];
    members: string[];
    maxDeliveries: number;
  }[] = [];
  for (const bus of graph.ofKind('eventBus')) {
    const topics = new Set([
      ...bus.config.topics.map((t) => t.name),
      ...(published.get(bus.id)?.keys() ?? []),
    ]);
    for (const topic of [...topics].sort()) {
      const groups = subscriberGroups(graph, bus.id, topic);
      if (groups.size === 0) continue;
      consumed.push({
        bus: bus.id,
        topic,
        groups: [...groups.keys()],
        members: uniq([...groups.values()].flat().map((s) => s.service.id)),
        maxDeliveries: bus.config.topics.find((t) => t.name === topic)?.maxDeliveries ?? 5,
      });
    }
  }
  if (consumed.length > 0) {
    const asyncEdges = graph.edges.filter((e) => e.kind === 'async').map((e) => e.id);
    out.push({
      pattern: 'pubSub',
      name: 'Publish/subscribe with consumer groups',
      detail: consumed
        .map(
          (c) =>
            `"${c.topic}" on ${graph.label(c.bus)} reaches ${plural(c.groups.length, 'group')} (${c.groups.join(', ')}), each event once per group`,
        )
        .join('; ')
        .concat('.'),
      nodeIds: uniq([
        ...consumed.map((c) => c.bus),
        ...consumed.flatMap((c) => c.members),
        ...[...published.values()].flatMap((t) => [...t.values()].flat()),
      ]),
      edgeIds: asyncEdges,
    });
    out.push({
      pattern: 'deadLetterQueue',
      name: 'Dead-letter queue',
      detail: consumed
        .map((c) => `"${c.topic}" moves an event to its DLQ after ${c.maxDeliveries} failed deliveries`)
        .join('; ')
        .concat('.'),
      nodeIds: uniq(consumed.map((c) => c.bus)),
      edgeIds: [],
    });
  }
  const appendEdges = graph.edges.filter((e) => e.kind === 'eventStore');
  if (appendEdges.length > 0) {
    const stores = graph.ofKind('eventStore').filter((s) => appendEdges.some((e) => e.target === s.id));
    out.push({
      pattern: 'eventSourcing',
      name: 'Event sourcing with snapshots',
      detail: stores
        .map(
          (s) =>
            `${graph.label(s.id)} keeps one stream per aggregate, snapshots every ${s.config.snapshotEvery} events and rebuilds state from snapshot + later events`,
        )
        .join('; ')
        .concat('.'),
      nodeIds: uniq([...stores.map((s) => s.id), ...appendEdges.map((e) => e.source)]),
      edgeIds: appendEdges.map((e) => e.id),
    });
  }
  const readModels = graph.ofKind('readModel').filter((r) => r.config.source !== undefined);
  if (readModels.length > 0) {
    const edges = graph.edges.filter((e) => e.kind === 'projection' || e.kind === 'query');
    out.push({
      pattern: 'cqrsReadModel',
      name: 'CQRS read models',
      detail: `${listWords(readModels.map((r) => `${graph.label(r.id)} (from ${graph.label(r.config.source!)})`))} ${readModels.length === 1 ? 'serves' : 'serve'} queries apart from the write side, eventually consistent.`,
      nodeIds: uniq(readModels.flatMap((r) => [r.id, r.config.source!])),
      edgeIds: edges.map((e) => e.id),
    });
  }
  const domain = graph.ofKind('service').filter((s) => s.config.domain !== undefined);
  const order = domain.find((s) => s.config.domain === 'order');
  const partners = domain.filter((s) => s.config.domain === 'payment' || s.config.domain === 'inventory');
  if (order && partners.length > 0) {
    out.push({
      pattern: 'saga',
      name: 'Saga (order flow)',
      detail: `${graph.label(order.id)} orchestrates the order: reserve stock, charge payment, confirm, and on failure compensate (refund, release stock) across ${listWords(partners.map((p) => graph.label(p.id)))}.`,
      nodeIds: [order.id, ...domain.filter((s) => s !== order).map((s) => s.id)],
      edgeIds: graph.edges
        .filter((e) => e.source === order.id && domain.some((d) => d.id === e.target))
        .map((e) => e.id),
    });
  }
  const routers = graph.ofKind('logRouter');
  const logEdges = graph.edges.filter((e) => e.kind === 'log');
  if (routers.length > 0 && logEdges.length > 0) {
    const senders = uniq(
      logEdges.filter((e) => graph.node(e.source)?.kind !== 'logRouter').map((e) => e.source),
    );
    out.push({
      pattern: 'centralizedLogging',
      name: 'Centralized logging',
      detail: `${plural(senders.length, 'node')} ${senders.length === 1 ? 'ships' : 'ship'} logs to ${listWords(routers.map((r) => graph.label(r.id)))}, sharded ${routers.map((r) => r.config.strategy).join('/')} over log stores.`,
      nodeIds: uniq([...senders, ...routers.map((r) => r.id), ...logEdges.map((e) => e.target)]),
      edgeIds: logEdges.map((e) => e.id),
    });
  }
  return out;
}
