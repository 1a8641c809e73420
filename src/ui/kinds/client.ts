import { headers, methods } from '../inspector/forms/shared';
import { formatCount, formatDistribution } from './format';
import { kindGlyph, plural, type UiKind } from './uiKind';

/** Client: generates requests or users. */
export const client: UiKind<'client'> = {
  name: 'Client',
  blurb: 'Generates requests or users',
  group: 'Traffic',
  icon: kindGlyph({ rect: [3.5, 4.5, 17, 11, 1.5] }, 'M8.5 19.5h7M12 15.5v4'),
  color: { light: '#0284c7', dark: '#38bdf8' },
  summary: (c) => {
    const w = c.workload;
    const load =
      w.kind === 'open'
        ? `${formatCount(w.ratePerSec)} req/s · ${w.arrival}`
        : `${w.users} users · think ${formatDistribution(w.thinkTimeMs)}`;
    return { instances: null, facts: [load, plural(c.requestMix.length, 'request type')] };
  },
  form: [
    {
      title: 'Workload',
      fields: [
        {
          t: 'union',
          key: 'workload',
          label: 'Model',
          variants: {
            open: {
              make: () => ({ kind: 'open', arrival: 'poisson', ratePerSec: 10 }),
              fields: [
                { t: 'enum', key: 'arrival', label: 'Arrivals', options: ['poisson', 'constant'] },
                { t: 'num', key: 'ratePerSec', label: 'Rate', unit: 'req/s', min: 0 },
              ],
            },
            closed: {
              make: () => ({ kind: 'closed', users: 10, thinkTimeMs: { kind: 'exponential', meanMs: 1000 } }),
              fields: [
                { t: 'int', key: 'users', label: 'Users', min: 0 },
                { t: 'dist', key: 'thinkTimeMs', label: 'Think time' },
              ],
            },
          },
        },
      ],
    },
    {
      title: 'Request mix',
      fields: [
        {
          t: 'list',
          key: 'requestMix',
          label: 'Requests',
          item: 'request',
          make: () => ({ weight: 1, method: 'GET', path: '/', headers: {} }),
          title: (item) => `${(item as { method: string }).method} ${(item as { path: string }).path}`,
          fields: [
            { t: 'num', key: 'weight', label: 'Weight', min: 0 },
            { t: 'enum', key: 'method', label: 'Method', options: methods },
            { t: 'text', key: 'path', label: 'Path' },
            headers,
          ],
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
  callVerb: 'sends a request to',
  state: null,
};
