import { formatMs } from './format';
import { kindGlyph, type UiKind } from './uiKind';

/** Service registry: heartbeats and discovery. */
export const registry: UiKind<'registry'> = {
  name: 'Service registry',
  blurb: 'Heartbeats and discovery',
  group: 'Coordination',
  icon: kindGlyph(
    { rect: [4.5, 3.5, 15, 17, 2] },
    'M8.5 8h7M8.5 12h7M8.5 16h4',
    'M2.5 8h2M2.5 12h2M2.5 16h2',
  ),
  color: { light: '#d97706', dark: '#fbbf24' },
  summary: (c) => ({
    instances: null,
    facts: [`heartbeat ${formatMs(c.heartbeatIntervalMs)} · lease ${formatMs(c.leaseMs)}`],
  }),
  form: [
    {
      title: 'Leases',
      fields: [
        { t: 'num', key: 'heartbeatIntervalMs', label: 'Heartbeat every', unit: 'ms', min: 0 },
        { t: 'num', key: 'leaseMs', label: 'Lease (TTL)', unit: 'ms', min: 0 },
        { t: 'num', key: 'evictionIntervalMs', label: 'Eviction sweep', unit: 'ms', min: 0 },
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
  state: (n, id, labelOf) => [
    {
      id: `registry-${id}`,
      group: 'Registry',
      title: labelOf(id),
      facts: [{ label: 'changes', value: n.registry.changesTotal }],
      chips: Object.entries(n.registry.members).map(([svc, count]) => ({
        label: labelOf(svc),
        value: count,
        tone: count === 0 ? 'bad' : undefined,
      })),
    },
  ],
};
