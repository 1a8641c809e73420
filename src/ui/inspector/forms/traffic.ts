import { capacity, headers, type KindForms, methods } from './shared';

/** Forms of the nodes where requests enter: clients and the gateway. */
export const trafficForms: Pick<KindForms, 'client' | 'gateway'> = {
  client: [
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
  gateway: [
    { title: 'Capacity', fields: capacity },
    {
      title: 'Routes',
      fields: [
        {
          t: 'list',
          key: 'routes',
          label: 'Routes',
          item: 'route',
          make: (ctx) => ({
            pathPrefix: '/',
            headers: {},
            target: ctx.firstId(['service', 'proxy']),
            timeoutMs: 15000,
          }),
          title: (item) => (item as { pathPrefix: string }).pathPrefix,
          fields: [
            { t: 'text', key: 'pathPrefix', label: 'Path prefix' },
            { t: 'ref', key: 'target', label: 'Upstream', kinds: ['service', 'proxy'] },
            { t: 'text', key: 'rewritePath', label: 'Rewrite to', optional: true, placeholder: 'keep path' },
            { t: 'num', key: 'timeoutMs', label: 'Timeout', unit: 'ms', min: 0 },
            headers,
          ],
        },
      ],
    },
    {
      title: 'Protection',
      fields: [
        {
          t: 'optional',
          key: 'rateLimit',
          label: 'Rate limit',
          make: () => ({ ratePerSec: 100, burst: 20 }),
          help: 'Token bucket; excess requests get 429.',
          fields: [
            { t: 'num', key: 'ratePerSec', label: 'Rate', unit: 'req/s', min: 0 },
            { t: 'int', key: 'burst', label: 'Burst', unit: 'req', min: 1 },
          ],
        },
        {
          t: 'optional',
          key: 'auth',
          label: 'Authentication',
          make: () => ({ requiredHeader: 'authorization' }),
          help: 'Requests without the header get 401.',
          fields: [{ t: 'text', key: 'requiredHeader', label: 'Required header' }],
        },
      ],
    },
  ],
};
