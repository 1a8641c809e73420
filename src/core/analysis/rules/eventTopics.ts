import { finding, type Rule } from '../context';
import type { ArchGraph } from '../graph';
import { subscriberGroups } from '../messageFanOut';
import { fmtNum } from '../numbers';
import type { Finding } from '../types';

/** Topics published to each bus, with the services that publish them. */
export function publishedTopics(graph: ArchGraph): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const s of graph.ofKind('service')) {
    const steps = [
      ...s.config.endpoints.flatMap((e) => e.steps),
      ...s.config.subscriptions.flatMap((x) => x.steps),
    ];
    for (const step of steps) {
      if (step.kind !== 'publish') continue;
      const topics = out.get(step.target) ?? new Map<string, string[]>();
      const publishers = topics.get(step.topic) ?? [];
      if (!publishers.includes(s.id)) publishers.push(s.id);
      topics.set(step.topic, publishers);
      out.set(step.target, topics);
    }
  }
  return out;
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
      if (subscriberGroups(graph, bus.id, topic).size > 0) continue;
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
                ? `${publishers.map((id) => graph.label(id)).join(', ')} publish${publishers.length === 1 ? 'es' : ''} "${topic}" (${fmtNum(rate)} events/s at peak) but no service subscribes: the events are never processed.`
                : `"${topic}" is declared on ${graph.label(bus.id)} but nobody publishes or subscribes to it.`,
            nodeIds: [bus.id, ...publishers],
            suggestion:
              publishers.length > 0
                ? `Add a subscription to "${topic}" (with a consumer group) on the service that should react, or stop publishing it.`
                : `Remove the unused topic "${topic}".`,
          },
        ),
      );
    }
  }
  return out;
};

/** Flags subscriptions to a topic their bus neither declares nor receives from any publisher. */
export const missingTopicRule: Rule = ({ graph }) => {
  const out: Finding[] = [];
  const published = publishedTopics(graph);
  for (const s of graph.ofKind('service')) {
    s.config.subscriptions.forEach((sub, i) => {
      const bus = graph.node(sub.bus);
      if (bus?.kind !== 'eventBus') return;
      const declared = bus.config.topics.some((t) => t.name === sub.topic);
      if (declared || published.get(bus.id)?.has(sub.topic)) return;
      out.push(
        finding('subscription-to-missing-topic', `${s.id}/${i}`, 'warning', {
          title: `${graph.label(s.id)} subscribes to a topic that does not exist`,
          detail: `${graph.label(s.id)} consumes "${sub.topic}" from ${graph.label(bus.id)} as group "${sub.group}", but the bus does not declare that topic and no service publishes it: the handler never runs.`,
          nodeIds: [s.id, bus.id],
          suggestion: `Declare "${sub.topic}" on ${graph.label(bus.id)} and publish it, or fix the topic name.`,
        }),
      );
    });
  }
  return out;
};
