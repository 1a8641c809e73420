import { formatDistribution } from './format';
import { kindGlyph, type UiKind } from './uiKind';

/** Event processor: a stream processor from one topic to another. */
export const eventProcessor: UiKind<'eventProcessor'> = {
  name: 'Event processor',
  blurb: 'Filters, maps and windows a topic into another',
  group: 'Events',
  icon: kindGlyph('M3.5 8h6l3 4-3 4h-6', 'M12.5 12h4', 'M14.5 8h6v8h-6'),
  color: { light: '#b45309', dark: '#fcd34d' },
  summary: (c) => ({
    instances: c.instances,
    facts: [
      `${c.source?.topic ?? 'no source'} → ${c.output?.topic ?? 'no output'}`,
      c.window
        ? `${c.window.aggregate} per ${c.window.sizeSec} s ${c.window.kind}`
        : formatDistribution(c.processingMs),
    ],
  }),
  form: [
    {
      title: 'Topics',
      fields: [
        {
          t: 'optional',
          key: 'source',
          label: 'Consumes',
          make: (ctx) => ({ bus: ctx.firstId(['eventBus']), topic: 'events', group: 'processor' }),
          fields: [
            { t: 'ref', key: 'bus', label: 'Bus', kinds: ['eventBus'] },
            { t: 'text', key: 'topic', label: 'Topic' },
            { t: 'text', key: 'group', label: 'Consumer group' },
          ],
        },
        {
          t: 'optional',
          key: 'output',
          label: 'Publishes',
          make: (ctx) => ({ bus: ctx.firstId(['eventBus']), topic: 'results' }),
          fields: [
            { t: 'ref', key: 'bus', label: 'Bus', kinds: ['eventBus'] },
            { t: 'text', key: 'topic', label: 'Topic' },
          ],
        },
      ],
    },
    {
      title: 'Processing',
      fields: [
        { t: 'int', key: 'instances', label: 'Instances', min: 1, max: 64 },
        { t: 'dist', key: 'processingMs', label: 'Cost per event' },
        { t: 'text', key: 'filter', label: 'Keep when', placeholder: 'amount > 100', optional: true },
        {
          t: 'list',
          key: 'map',
          label: 'Map',
          item: 'field',
          make: () => ({ field: 'large', value: 'amount > 100' }),
          title: (item) => (item as { field?: string }).field || 'field',
          fields: [
            { t: 'text', key: 'field', label: 'Field' },
            { t: 'text', key: 'value', label: 'Expression' },
          ],
        },
        { t: 'bool', key: 'dedupe', label: 'Drop redelivered duplicates' },
      ],
    },
    {
      title: 'Window',
      fields: [
        {
          t: 'optional',
          key: 'window',
          label: 'Windowed aggregate',
          make: () => ({ kind: 'tumbling', sizeSec: 10, aggregate: 'count' }),
          fields: [
            { t: 'enum', key: 'kind', label: 'Kind', options: ['tumbling', 'sliding'] },
            { t: 'int', key: 'sizeSec', label: 'Size', unit: 's', min: 1, max: 3600 },
            { t: 'int', key: 'slideSec', label: 'Slide', unit: 's', min: 1, max: 3600 },
            {
              t: 'enum',
              key: 'aggregate',
              label: 'Aggregate',
              options: ['count', 'sum', 'min', 'max', 'avg'],
            },
            { t: 'text', key: 'field', label: 'Field', optional: true },
            { t: 'text', key: 'groupBy', label: 'Group by', optional: true },
          ],
        },
      ],
    },
  ],
  live: {
    replicated: true,
    answering: false,
    backlog: { label: 'q', title: 'Events waiting for an instance', alwaysShown: false },
    chartsBacklog: true,
  },
  callVerb: 'publishes to',
  state: (n, id, labelOf) => {
    const p = n.eventProcessor;
    return [
      {
        id: `evproc-${id}`,
        group: 'Event processor',
        title: labelOf(id),
        facts: [
          { label: 'consumed', value: p.consumed },
          { label: 'published', value: p.published },
          { label: 'filtered out', value: p.filteredOut },
          { label: 'duplicates dropped', value: p.duplicatesDropped },
          {
            label: 'republished',
            value: p.republished,
            tone: p.republished > 0 ? 'warn' : undefined,
          },
        ],
      },
    ];
  },
};
