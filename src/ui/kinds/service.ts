import { capacity, ioModel, methods } from '../inspector/forms/shared';
import { stepsField } from '../inspector/forms/steps';
import { formatCount, formatDistribution } from './format';
import { kindGlyph, plural, type UiKind } from './uiKind';

/** Service: instances, queue, endpoints. */
export const service: UiKind<'service'> = {
  name: 'Service',
  blurb: 'Instances, queue, endpoints',
  group: 'Compute',
  icon: kindGlyph('M12 3 20 7.5v9L12 21l-8-4.5v-9z', 'M4 7.5 12 12l8-4.5M12 12v9'),
  color: { light: '#2563eb', dark: '#60a5fa' },
  summary: (c) => {
    const facts = [
      `${c.concurrency} slots · q${formatCount(c.queueCapacity)} · ${formatDistribution(c.serviceTimeMs)}`,
    ];
    const api = [plural(c.endpoints.length, 'endpoint')];
    if (c.subscriptions.length > 0) api.push(plural(c.subscriptions.length, 'subscription'));
    if (c.errorRate > 0) api.push(`${+(c.errorRate * 100).toFixed(2)}% errors`);
    facts.push(api.join(' · '));
    return { instances: c.instances, facts };
  },
  form: [
    {
      title: 'Capacity',
      fields: [
        ...capacity,
        ...ioModel,
        { t: 'num', key: 'errorRate', label: 'Error rate', unit: '0–1', min: 0, max: 1, step: 0.01 },
        { t: 'text', key: 'version', label: 'Version', help: 'Subset label for canary routes.' },
        {
          t: 'enum',
          key: 'domain',
          label: 'Domain',
          options: ['user', 'product', 'inventory', 'order', 'payment', 'notification'],
          optional: true,
        },
      ],
    },
    {
      title: 'Endpoints',
      fields: [
        {
          t: 'list',
          key: 'endpoints',
          label: 'Endpoints',
          item: 'endpoint',
          make: () => ({ method: 'GET', path: '/', steps: [{ kind: 'work' }] }),
          title: (item) => `${(item as { method: string }).method} ${(item as { path: string }).path}`,
          fields: [
            { t: 'enum', key: 'method', label: 'Method', options: methods },
            { t: 'text', key: 'path', label: 'Path' },
            stepsField,
          ],
        },
      ],
    },
    {
      title: 'Subscriptions',
      fields: [
        {
          t: 'list',
          key: 'subscriptions',
          label: 'Subscriptions',
          item: 'subscription',
          make: (ctx) => ({
            bus: ctx.firstId(['eventBus']),
            topic: 'events',
            group: 'group',
            steps: [{ kind: 'work' }],
          }),
          title: (item) => (item as { topic: string }).topic,
          fields: [
            { t: 'ref', key: 'bus', label: 'Event bus', kinds: ['eventBus'] },
            { t: 'text', key: 'topic', label: 'Topic' },
            { t: 'text', key: 'group', label: 'Consumer group' },
            stepsField,
          ],
        },
      ],
    },
  ],
  live: {
    replicated: true,
    answering: true,
    backlog: { label: 'q', title: 'Queue depth', alwaysShown: false },
    chartsBacklog: true,
  },
  callVerb: 'calls',
  state: null,
};
