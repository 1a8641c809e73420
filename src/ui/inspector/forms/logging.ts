import type { KindForms } from './shared';

/** Forms of the logging pipeline: router and shard stores. */
export const loggingForms: Pick<KindForms, 'logRouter' | 'logStore'> = {
  logRouter: [
    {
      title: 'Sharding',
      fields: [
        { t: 'enum', key: 'strategy', label: 'Strategy', options: ['serviceHash', 'roundRobin', 'time'] },
        { t: 'num', key: 'timeBucketMs', label: 'Time bucket', unit: 'ms', min: 0 },
      ],
    },
  ],
  logStore: [
    {
      title: 'Store',
      fields: [
        { t: 'int', key: 'capacity', label: 'Capacity', unit: 'entries', min: 1 },
        { t: 'num', key: 'retentionSec', label: 'Retention', unit: 's', min: 0 },
        { t: 'dist', key: 'queryLatencyMs', label: 'Query latency' },
      ],
    },
  ],
};
