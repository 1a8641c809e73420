import { formatDistribution } from './format';
import type { Fact } from './stateCard';
import { kindGlyph, type UiKind } from './uiKind';

/** Event store: streams, versions, snapshots. */
export const eventStore: UiKind<'eventStore'> = {
  name: 'Event store',
  blurb: 'Streams, versions, snapshots',
  group: 'Events',
  icon: kindGlyph(
    { ellipse: [12, 5.5, 7.5, 2.5] },
    'M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13',
    'M4.5 12c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5',
  ),
  color: { light: '#e11d48', dark: '#fb7185' },
  summary: (c) => ({
    instances: null,
    facts: [`append ${formatDistribution(c.appendLatencyMs)} · snapshot /${c.snapshotEvery}`],
  }),
  form: [
    {
      title: 'Store',
      fields: [
        { t: 'dist', key: 'appendLatencyMs', label: 'Append latency' },
        { t: 'int', key: 'snapshotEvery', label: 'Snapshot every', unit: 'events', min: 1 },
        { t: 'num', key: 'relayIntervalMs', label: 'Outbox relay every', unit: 'ms', min: 0 },
        {
          t: 'json',
          key: 'aggregates',
          label: 'Aggregates',
          help: 'Types with commands (a rule may refuse them), the events they emit, and how events fold into state',
        },
      ],
    },
  ],
  live: {
    replicated: false,
    answering: true,
    backlog: { label: 'q', title: 'Queue depth', alwaysShown: false },
    chartsBacklog: false,
  },
  callVerb: 'calls',
  state: (n, id, labelOf) => {
    const s = n.eventStore;
    return [
      {
        id: `store-${id}`,
        group: 'Event store',
        title: labelOf(id),
        facts: [
          { label: 'events', value: s.events },
          { label: 'streams', value: s.streams },
          { label: 'appends', value: s.appends },
          { label: 'conflicts', value: s.conflicts, tone: s.conflicts > 0 ? 'warn' : undefined },
          { label: 'snapshots', value: s.snapshots },
        ],
        chips: commandChips(s.aggregates),
      },
    ];
  },
};

/** One chip per declared command: accepted, and refused by its rule. */
function commandChips(
  aggregates:
    | Record<string, { commands: Record<string, { accepted: number; rejected: number }> }>
    | undefined,
): Fact[] {
  return Object.values(aggregates ?? {}).flatMap((a) =>
    Object.entries(a.commands).map(([name, c]) => ({
      label: name,
      value: `${c.accepted} ok · ${c.rejected} refused`,
      tone: c.rejected > 0 ? ('warn' as const) : undefined,
    })),
  );
}
