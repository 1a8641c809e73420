import { capacity, headers, ioModel } from '../inspector/forms/shared';
import { formatCount } from './format';
import { kindGlyph, plural, type UiKind } from './uiKind';

/** API gateway: routing, rate limits, auth. */
export const gateway: UiKind<'gateway'> = {
  name: 'API gateway',
  blurb: 'Routing, rate limits, auth',
  group: 'Traffic',
  icon: kindGlyph('M4 20.5V9.5a8 8 0 0 1 16 0v11', 'M8 20.5v-8a4 4 0 0 1 8 0v8', 'M2.5 20.5h19'),
  color: { light: '#7c3aed', dark: '#a78bfa' },
  summary: (c) => {
    const facts = [plural(c.routes.length, 'route')];
    if (c.rateLimit) facts.push(`limit ${formatCount(c.rateLimit.ratePerSec)}/s`);
    if (c.auth) facts.push('auth');
    return {
      instances: c.instances,
      facts: [facts.join(' · '), `${c.concurrency} slots · q${formatCount(c.queueCapacity)}`],
    };
  },
  form: [
    { title: 'Capacity', fields: [...capacity, ...ioModel] },
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
  live: {
    replicated: true,
    answering: true,
    backlog: { label: 'q', title: 'Queue depth', alwaysShown: false },
    chartsBacklog: true,
  },
  callVerb: 'forwards it to',
  state: null,
};
