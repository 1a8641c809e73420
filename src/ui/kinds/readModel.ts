import { formatDistribution } from './format';
import { round } from './stateCard';
import { kindGlyph, type UiKind } from './uiKind';

/** Read model: cqrs projection for queries. */
export const readModel: UiKind<'readModel'> = {
  name: 'Read model',
  blurb: 'CQRS projection for queries',
  group: 'Events',
  icon: kindGlyph({ rect: [3.5, 4.5, 17, 15, 2] }, 'M3.5 9.5h17M9.5 9.5v10'),
  color: { light: '#9333ea', dark: '#c084fc' },
  summary: (c) => ({
    instances: null,
    facts: [`${c.source ? `from ${c.source} · ` : ''}lag ${formatDistribution(c.projectionLatencyMs)}`],
  }),
  form: [
    {
      title: 'Projection',
      fields: [
        { t: 'ref', key: 'source', label: 'Source store', kinds: ['eventStore'], optional: true },
        { t: 'dist', key: 'projectionLatencyMs', label: 'Projection latency' },
        { t: 'dist', key: 'queryLatencyMs', label: 'Query latency' },
        {
          t: 'json',
          key: 'projections',
          label: 'Projections',
          help: 'Event type → field updates (set, increment, sum, append, remove)',
        },
      ],
    },
  ],
  live: {
    replicated: false,
    answering: true,
    backlog: { label: 'lag', title: 'Projection lag (events behind)', alwaysShown: true },
    chartsBacklog: true,
  },
  callVerb: 'calls',
  state: (n, id, labelOf) => {
    const r = n.readModel;
    return [
      {
        id: `read-${id}`,
        group: 'Read model',
        title: labelOf(id),
        facts: [
          { label: 'documents', value: r.documents },
          { label: 'checkpoint', value: r.checkpoint },
          {
            label: 'lag',
            value: `${r.lagPositions} ev · ${round(r.lagMs)} ms`,
            tone: r.lagPositions > 100 ? 'warn' : undefined,
          },
          { label: 'stale reads', value: r.staleReads },
        ],
        chips: Object.entries(r.fields ?? {}).map(([k, v]) => ({ label: k, value: v })),
      },
    ];
  },
};
