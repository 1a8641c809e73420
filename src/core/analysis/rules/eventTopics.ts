import { finding, type Rule } from '../context';
import type { ArchGraph } from '../graph';
import { subscriberGroups } from '../messageFanOut';
import { fmtNum } from '../numbers';
import type { Finding } from '../types';

/** The topic the e-commerce order saga publishes on every bus its order service links to. */
const ORDER_SAGA_TOPIC = 'order_created';

/** Topics published to each bus, with the services that publish them (publish steps and the order saga). */
export function publishedTopics(graph: ArchGraph): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  const add = (busId: string, topic: string, publisher: string) => {
    const topics = out.get(busId) ?? new Map<string, string[]>();
    const publishers = topics.get(topic) ?? [];
    if (!publishers.includes(publisher)) publishers.push(publisher);
    topics.set(topic, publishers);
    out.set(busId, topics);
  };
  for (const s of graph.ofKind('service')) {
    const steps = [
      ...s.config.endpoints.flatMap((e) => e.steps),
      ...s.config.subscriptions.flatMap((x) => x.steps),
    ];
    for (const step of steps) {
      if (step.kind === 'publish') add(step.target, step.topic, s.id);
      // An append with `publish` gets the event to the bus too (a dual write or the store's outbox).
      if (step.kind === 'append' && step.publish) add(step.publish.target, step.publish.topic, s.id);
    }
    if (s.config.domain !== 'order') continue;
    for (const e of graph.from(s.id)) if (e.kind === 'async') add(e.target, ORDER_SAGA_TOPIC, s.id);
  }
  for (const p of graph.ofKind('eventProcessor')) {
    if (p.config.output) add(p.config.output.bus, p.config.output.topic, p.id);
  }
  return out;
}

/** Whether an event processor consumes `topic` of the bus (its source). */
function consumedByProcessor(graph: ArchGraph, busId: string, topic: string): boolean {
  return graph
    .ofKind('eventProcessor')
    .some((p) => p.config.source?.bus === busId && p.config.source.topic === topic);
}

/**
 * Flags event topics nobody consumes: published events pile up unread (warning); a declared topic
 * that is neither published nor consumed is dead configuration (info).
 */
export const unconsumedTopicRule: Rule = ({ graph, load }) => {
  const out: Finding[] = [];
  const published = publishedTopics(graph);
  for (const bus of graph.ofKind('eventBus')) {
    const topics = new Set([
      ...bus.config.topics.map((t) => t.name),
      ...(published.get(bus.id)?.keys() ?? []),
    ]);
    for (const topic of [...topics].sort()) {
      if (subscriberGroups(graph, bus.id, topic).size > 0 || consumedByProcessor(graph, bus.id, topic))
        continue;
      const publishers = published.get(bus.id)?.get(topic) ?? [];
      const rate =
        load.handlers.find((h) => h.nodeId === bus.id && h.handler === `topic ${topic}`)?.ratePerSec ?? 0;
      out.push(
        finding(
          'topic-without-subscriber',
          `${bus.id}/${topic}`,
          publishers.length > 0 ? 'warning' : 'info',
          {
            title: `Nobody consumes topic "${topic}" on ${graph.label(bus.id)}`,
            detail:
              publishers.length > 0
                ? `${publishers.map((id) => graph.label(id)).join(', ')} publish${publishers.length === 1 ? 'es' : ''} "${topic}" (${fmtNum(rate)} events/s at peak) but no service subscribes and no event processor consumes it: the events are never processed.`
                : `"${topic}" is declared on ${graph.label(bus.id)} but nobody publishes or subscribes to it.`,
            nodeIds: [bus.id, ...publishers],
            suggestion:
              publishers.length > 0
                ? `Add a subscription to "${topic}" (with a consumer group) on the service that should react, or stop publishing it.`
                : `Remove the unused topic "${topic}".`,
            problem: publishers.length > 0,
          },
        ),
      );
    }
  }
  return out;
};

/**
 * Flags a subscription (or an event processor's source) to a topic nobody publishes on its bus
 * (declared or not): its handler never runs. Fixed by consuming the topic the bus does carry, when
 * it carries one.
 */
export const missingTopicRule: Rule = ({ graph }) => {
  const out: Finding[] = [];
  const published = publishedTopics(graph);
  for (const p of graph.ofKind('eventProcessor')) {
    const source = p.config.source;
    const bus = source ? graph.node(source.bus) : undefined;
    if (!source || bus?.kind !== 'eventBus' || published.get(bus.id)?.has(source.topic)) continue;
    const other = [...(published.get(bus.id)?.keys() ?? [])].find((t) => t !== p.config.output?.topic);
    out.push(
      finding('subscription-without-publisher', `${p.id}/source`, 'warning', {
        title: `Nobody publishes "${source.topic}" for ${graph.label(p.id)}`,
        detail: `${graph.label(p.id)} consumes "${source.topic}" from ${graph.label(bus.id)} as group "${source.group}", but nothing publishes it: the processor never runs.`,
        nodeIds: [p.id, bus.id],
        suggestion: `Publish "${source.topic}" to ${graph.label(bus.id)} from the service that produces it, or fix the topic name.`,
        problem: true,
        fixes: other
          ? [
              {
                label: `Consume "${other}"`,
                change: {
                  kind: 'setConfig',
                  nodeId: p.id,
                  config: { ...p.config, source: { ...source, topic: other } },
                },
              },
            ]
          : [],
      }),
    );
  }
  for (const s of graph.ofKind('service')) {
    s.config.subscriptions.forEach((sub, i) => {
      const bus = graph.node(sub.bus);
      if (bus?.kind !== 'eventBus') return;
      const carried = published.get(bus.id);
      if (carried?.has(sub.topic)) return;
      const other = carried ? [...carried.keys()][0] : undefined;
      const declared = bus.config.topics.some((t) => t.name === sub.topic);
      const subscriptions = s.config.subscriptions.map((x, k) =>
        k === i ? { ...x, topic: other ?? x.topic } : x,
      );
      out.push(
        finding('subscription-without-publisher', `${s.id}/${i}`, 'warning', {
          title: `Nobody publishes "${sub.topic}" for ${graph.label(s.id)}`,
          detail: `${graph.label(s.id)} consumes "${sub.topic}" from ${graph.label(bus.id)} as group "${sub.group}", but no service publishes it${declared ? '' : ' and the bus does not declare it'}: the handler never runs.`,
          nodeIds: [s.id, bus.id],
          suggestion: `Publish "${sub.topic}" to ${graph.label(bus.id)} from the service that produces it, or fix the topic name.`,
          problem: true,
          fixes: other
            ? [
                {
                  label: `Subscribe to "${other}"`,
                  change: { kind: 'setConfig', nodeId: s.id, config: { ...s.config, subscriptions } },
                },
              ]
            : [],
        }),
      );
    });
  }
  return out;
};
