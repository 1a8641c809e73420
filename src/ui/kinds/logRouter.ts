import { kindGlyph, type UiKind } from './uiKind';

/** Log router: shards logs across stores. */
export const logRouter: UiKind<'logRouter'> = {
  name: 'Log router',
  blurb: 'Shards logs across stores',
  group: 'Logging',
  icon: kindGlyph({ circle: [5.5, 12, 2] }, 'M7.5 12h4l5-6h2.5M11.5 12l5 6h2.5M11.5 12h8'),
  color: { light: '#64748b', dark: '#94a3b8' },
  summary: (c) => ({ instances: null, facts: [`shard by ${c.strategy}`] }),
  form: [
    {
      title: 'Sharding',
      fields: [
        { t: 'enum', key: 'strategy', label: 'Strategy', options: ['serviceHash', 'roundRobin', 'time'] },
        { t: 'num', key: 'timeBucketMs', label: 'Time bucket', unit: 'ms', min: 0 },
      ],
    },
  ],
  live: {
    replicated: false,
    answering: false,
    backlog: { label: 'q', title: 'Queue depth', alwaysShown: false },
    chartsBacklog: false,
  },
  callVerb: 'calls',
  state: null,
};
