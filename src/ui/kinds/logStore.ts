import { formatCount, formatDistribution } from './format';
import { kindGlyph, type UiKind } from './uiKind';

/** Log store: keeps and queries log entries. */
export const logStore: UiKind<'logStore'> = {
  name: 'Log store',
  blurb: 'Keeps and queries log entries',
  group: 'Logging',
  icon: kindGlyph(
    'M4 6.5h16v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1z',
    'M3 3.5h18v3H3zM9 11h6',
    'M7.5 15h9M7.5 18h6',
  ),
  color: { light: '#475569', dark: '#a1a1aa' },
  summary: (c) => ({
    instances: null,
    facts: [`${formatCount(c.capacity)} entries · query ${formatDistribution(c.queryLatencyMs)}`],
  }),
  form: [
    {
      title: 'Store',
      fields: [
        { t: 'int', key: 'capacity', label: 'Capacity', unit: 'entries', min: 1 },
        { t: 'num', key: 'retentionSec', label: 'Retention', unit: 's', min: 0 },
        { t: 'dist', key: 'queryLatencyMs', label: 'Query latency' },
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
  state: (n, id, labelOf) => {
    const l = n.logStore;
    return [
      {
        id: `logs-${id}`,
        group: 'Log store',
        title: labelOf(id),
        facts: [
          { label: 'entries', value: l.entries },
          { label: 'appended', value: l.appended },
          { label: 'dropped', value: l.dropped, tone: l.dropped > 0 ? 'warn' : undefined },
        ],
      },
    ];
  },
};
