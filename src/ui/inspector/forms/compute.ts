import { capacity, type KindForms, methods } from './shared';
import { stepsField } from './steps';

/** Forms of the services that do the work: capacity, endpoints and subscriptions. */
export const computeForms: Pick<KindForms, 'service'> = {
  service: [
    {
      title: 'Capacity',
      fields: [
        ...capacity,
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
};
