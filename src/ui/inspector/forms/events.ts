import type { KindForms } from './shared';

/** Forms of the event-driven parts: bus, event store and read model. */
export const eventForms: Pick<KindForms, 'eventBus' | 'eventStore' | 'readModel'> = {
  eventBus: [
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
  eventStore: [
    {
      title: 'Store',
      fields: [
        { t: 'dist', key: 'appendLatencyMs', label: 'Append latency' },
        { t: 'int', key: 'snapshotEvery', label: 'Snapshot every', unit: 'events', min: 1 },
      ],
    },
  ],
  readModel: [
    {
      title: 'Projection',
      fields: [
        { t: 'ref', key: 'source', label: 'Source store', kinds: ['eventStore'], optional: true },
        { t: 'dist', key: 'projectionLatencyMs', label: 'Projection latency' },
        { t: 'dist', key: 'queryLatencyMs', label: 'Query latency' },
      ],
    },
  ],
};
