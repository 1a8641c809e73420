import { formatDistribution } from './format';
import type { StateCard } from './stateCard';
import { kindGlyph, type UiKind } from './uiKind';

/** Event bus: topics, partitions, dead letters. */
export const eventBus: UiKind<'eventBus'> = {
  name: 'Event bus',
  blurb: 'Topics, partitions, dead letters',
  group: 'Events',
  icon: kindGlyph(
    'M3 8h18M3 16h18',
    { circle: [7, 8, 1.5] },
    { circle: [13, 8, 1.5] },
    { circle: [10, 16, 1.5] },
    { circle: [17, 16, 1.5] },
  ),
  color: { light: '#db2777', dark: '#f472b6' },
  summary: (c) => {
    const names = c.topics.map((t) => `${t.name}/${t.partitions}`).join(', ');
    return {
      instances: null,
      facts: [c.topics.length ? names : 'no topics', `deliver ${formatDistribution(c.deliveryLatencyMs)}`],
    };
  },
  form: [
    {
      title: 'Topics',
      fields: [
        {
          t: 'list',
          key: 'topics',
          label: 'Topics',
          item: 'topic',
          make: () => ({ name: 'events', partitions: 3, maxDeliveries: 5 }),
          title: (item) => (item as { name: string }).name,
          fields: [
            { t: 'text', key: 'name', label: 'Name' },
            { t: 'int', key: 'partitions', label: 'Partitions', min: 1, max: 1024 },
            {
              t: 'int',
              key: 'maxDeliveries',
              label: 'Max deliveries',
              min: 1,
              help: 'Then the event goes to the dead-letter queue.',
            },
          ],
        },
      ],
    },
    {
      title: 'Delivery',
      fields: [
        { t: 'dist', key: 'deliveryLatencyMs', label: 'Delivery latency' },
        { t: 'num', key: 'redeliveryDelayMs', label: 'Redelivery delay', unit: 'ms', min: 0 },
      ],
    },
  ],
  live: {
    replicated: false,
    answering: false,
    backlog: { label: 'q', title: 'Queue depth', alwaysShown: true },
    chartsBacklog: true,
  },
  callVerb: 'calls',
  state: (n, id, labelOf) => {
    const cards: StateCard[] = [];
    for (const [topic, t] of Object.entries(n.topics)) {
      cards.push({
        id: `topic-${id}-${topic}`,
        group: 'Event bus',
        title: `${labelOf(id)} · ${topic}`,
        facts: [
          { label: 'published', value: t.published },
          { label: 'delivered', value: t.delivered },
          { label: 'redelivered', value: t.redelivered },
          {
            label: 'dead-lettered',
            value: t.deadLettered,
            tone: t.deadLettered > 0 ? 'bad' : undefined,
          },
        ],
        chips: Object.entries(t.groups).map(([g, v]) => ({
          label: `${g} lag`,
          value: v.lag,
          tone: v.lag > 100 ? 'warn' : undefined,
        })),
      });
    }
    return cards;
  },
};
