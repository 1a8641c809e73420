import { formatDistribution } from './format';
import { kindGlyph, plural, type UiKind } from './uiKind';

/** Log processor: parses, enriches and filters logs, counts them and fires alerts. */
export const logProcessor: UiKind<'logProcessor'> = {
  name: 'Log processor',
  blurb: 'Parses and filters logs, log metrics, alerts',
  group: 'Logging',
  icon: kindGlyph('M4 5h16l-6 7v6l-4 2v-8z', 'M17 16.5h4M19 14.5v4'),
  color: { light: '#57534e', dark: '#d6d3d1' },
  summary: (c) => ({
    instances: null,
    facts: [
      `${plural(c.patterns.length, 'pattern')} · ${plural(c.alerts.length, 'alert')}`,
      `${formatDistribution(c.processingMs)} per entry`,
    ],
  }),
  form: [
    {
      title: 'Processing',
      fields: [
        { t: 'int', key: 'workers', label: 'Workers', min: 1, max: 64 },
        { t: 'dist', key: 'processingMs', label: 'Cost per entry' },
        { t: 'int', key: 'queueCapacity', label: 'Queue capacity', unit: 'entries', min: 0 },
      ],
    },
    {
      title: 'Parse, enrich, filter',
      fields: [
        {
          t: 'list',
          key: 'patterns',
          label: 'Patterns',
          item: 'pattern',
          make: () => ({ pattern: 'status=(?P<status>\\d+)' }),
          fields: [
            {
              t: 'text',
              key: 'pattern',
              label: 'RE2 pattern',
              help: 'Named groups (?P<name>…) become fields',
            },
          ],
        },
        {
          t: 'list',
          key: 'enrich',
          label: 'Enrich',
          item: 'field',
          make: () => ({ field: 'slow', value: 'latency_ms > 300' }),
          title: (item) => (item as { field?: string }).field || 'field',
          fields: [
            { t: 'text', key: 'field', label: 'Field' },
            { t: 'text', key: 'value', label: 'Expression' },
          ],
        },
        { t: 'text', key: 'filter', label: 'Keep when', placeholder: "level != 'debug'", optional: true },
        { t: 'num', key: 'sampleRate', label: 'Sample rate', min: 0, max: 1, step: 0.05 },
        { t: 'int', key: 'windowSec', label: 'Metric window', unit: 's', min: 1, max: 3600 },
      ],
    },
    {
      title: 'Alerts',
      fields: [
        {
          t: 'list',
          key: 'alerts',
          label: 'Alert rules',
          item: 'rule',
          make: () => ({ id: 'errors', where: "level == 'error'", threshold: 50, windowSec: 60 }),
          title: (item) => (item as { id?: string }).id || 'rule',
          fields: [
            { t: 'text', key: 'id', label: 'Id' },
            { t: 'text', key: 'where', label: 'Entries where', optional: true },
            {
              t: 'enum',
              key: 'aggregate',
              label: 'Aggregate',
              options: ['count', 'sum', 'avg', 'min', 'max'],
            },
            { t: 'text', key: 'field', label: 'Field', optional: true },
            { t: 'enum', key: 'op', label: 'Fires when', options: ['>', '>=', '<', '<='] },
            { t: 'num', key: 'threshold', label: 'Threshold' },
            { t: 'int', key: 'windowSec', label: 'Window', unit: 's', min: 1, max: 3600 },
          ],
        },
      ],
    },
  ],
  live: {
    replicated: false,
    answering: false,
    backlog: { label: 'q', title: 'Entries waiting for a worker', alwaysShown: false },
    chartsBacklog: true,
  },
  callVerb: 'forwards to',
  state: (n, id, labelOf) => {
    const p = n.logProcessor;
    const alerts = p.alerts;
    const firing = alerts.filter((a) => a.resolvedAtMs === null).length;
    return [
      {
        id: `logproc-${id}`,
        group: 'Log processor',
        title: labelOf(id),
        facts: [
          { label: 'received', value: p.received },
          { label: 'parsed', value: p.parsed },
          { label: 'forwarded', value: p.forwarded },
          { label: 'dropped', value: p.dropped, tone: p.dropped > 0 ? 'warn' : undefined },
          {
            label: 'alerts fired',
            value: alerts.length,
            tone: firing > 0 ? 'bad' : alerts.length > 0 ? 'warn' : 'ok',
          },
        ],
        chips: alerts.map((a) => ({
          label: a.rule,
          value:
            a.resolvedAtMs === null
              ? 'firing'
              : `${Math.round(a.firedAtMs / 1000)}–${Math.round(a.resolvedAtMs / 1000)} s`,
          tone: a.resolvedAtMs === null ? 'bad' : 'warn',
        })),
      },
    ];
  },
};
