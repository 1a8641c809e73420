import { routeCardId, routeRows } from './proxyRoutes';
import { round } from './stateCard';
import { kindGlyph, plural, type UiKind } from './uiKind';

/** Sidecar proxy: mesh routes, canaries, mtls. */
export const proxy: UiKind<'proxy'> = {
  name: 'Sidecar proxy',
  blurb: 'Mesh routes, canaries, mTLS',
  group: 'Compute',
  icon: kindGlyph({ rect: [3, 6, 8, 12, 2] }, { rect: [15, 8, 6, 8, 1.5] }, 'M11 10h4M11 14h4'),
  color: { light: '#0d9488', dark: '#2dd4bf' },
  summary: (c) => ({
    instances: null,
    facts: [
      `mTLS ${c.mtls.toLowerCase()}${c.attachedTo ? ` · ${c.attachedTo}` : ''}`,
      `${plural(c.routes.length, 'route')} · ${plural(c.policies.length, 'policy')}`.replace(
        'policys',
        'policies',
      ),
    ],
  }),
  form: [
    {
      title: 'Sidecar',
      fields: [
        { t: 'ref', key: 'attachedTo', label: 'Attached to', kinds: ['service'], optional: true },
        { t: 'dist', key: 'serviceTimeMs', label: 'Proxy overhead' },
        { t: 'enum', key: 'mtls', label: 'mTLS', options: ['DISABLE', 'PERMISSIVE', 'STRICT'] },
        {
          t: 'enum',
          key: 'ioModel',
          label: 'I/O model',
          options: ['eventLoop', 'threadPerRequest'],
          help: 'Event loop (Envoy): workers busy only while proxying. Thread per request: a pool connection per request.',
        },
        {
          t: 'int',
          key: 'concurrency',
          label: 'Workers',
          unit: 'threads',
          min: 1,
          max: 1024,
          help: 'Event loop worker threads (Envoy --concurrency).',
        },
      ],
    },
    {
      title: 'Routes',
      fields: [
        {
          t: 'list',
          key: 'routes',
          label: 'Routes',
          item: 'route',
          make: (ctx) => ({
            name: '',
            match: { headers: {} },
            destinations: [{ target: ctx.firstId(['service', 'proxy']), weight: 100 }],
          }),
          title: (item, i) => (item as { name: string }).name || `Route ${i + 1}`,
          fields: [
            { t: 'text', key: 'name', label: 'Name' },
            {
              t: 'group',
              key: 'match',
              label: 'Match',
              fields: [
                {
                  t: 'text',
                  key: 'pathPrefix',
                  label: 'Path prefix',
                  optional: true,
                  placeholder: 'any path',
                },
                {
                  t: 'map',
                  key: 'headers',
                  label: 'Headers',
                  item: 'header match',
                  newKey: 'x-canary',
                  make: () => ({ kind: 'exact', value: '1' }),
                  help: 'Every header listed must match (exact value, prefix, regex, or merely present).',
                  value: {
                    t: 'union',
                    variants: {
                      exact: {
                        make: () => ({ kind: 'exact', value: '' }),
                        fields: [{ t: 'text', key: 'value', label: 'Value' }],
                      },
                      prefix: {
                        make: () => ({ kind: 'prefix', value: '' }),
                        fields: [{ t: 'text', key: 'value', label: 'Prefix' }],
                      },
                      regex: {
                        make: () => ({ kind: 'regex', value: '' }),
                        fields: [{ t: 'text', key: 'value', label: 'Pattern' }],
                      },
                      present: { make: () => ({ kind: 'present' }), fields: [] },
                    },
                  },
                },
              ],
            },
            {
              t: 'list',
              key: 'destinations',
              label: 'Destinations',
              item: 'destination',
              make: (ctx) => ({ target: ctx.firstId(['service', 'proxy']), weight: 100 }),
              fields: [
                { t: 'ref', key: 'target', label: 'Target', kinds: ['service', 'proxy'] },
                { t: 'num', key: 'weight', label: 'Weight', min: 0 },
              ],
            },
          ],
        },
      ],
    },
    {
      title: 'Policies',
      fields: [
        {
          t: 'list',
          key: 'policies',
          label: 'Authorization',
          item: 'policy',
          make: () => ({ name: '', action: 'ALLOW', principals: [], paths: [], methods: [] }),
          title: (item, i) =>
            `${(item as { action: string }).action} ${(item as { name: string }).name || `#${i + 1}`}`,
          fields: [
            { t: 'text', key: 'name', label: 'Name' },
            { t: 'enum', key: 'action', label: 'Action', options: ['ALLOW', 'DENY'] },
            { t: 'strings', key: 'principals', label: 'Principals', placeholder: 'any source' },
            { t: 'strings', key: 'paths', label: 'Paths', placeholder: 'any path' },
            { t: 'strings', key: 'methods', label: 'Methods', placeholder: 'any method' },
          ],
        },
      ],
    },
    {
      title: 'Resilience',
      fields: [
        {
          t: 'group',
          key: 'connectionPool',
          label: 'Connection pool',
          fields: [
            { t: 'int', key: 'maxConnections', label: 'Max connections', min: 1 },
            { t: 'int', key: 'maxPendingRequests', label: 'Max pending', min: 0 },
          ],
        },
        {
          t: 'group',
          key: 'outlierDetection',
          label: 'Outlier detection',
          fields: [
            { t: 'bool', key: 'enabled', label: 'Enabled' },
            { t: 'int', key: 'consecutive5xx', label: 'Consecutive 5xx', min: 1 },
            { t: 'num', key: 'baseEjectionTimeMs', label: 'Base ejection', unit: 'ms', min: 0 },
            { t: 'num', key: 'maxEjectionTimeMs', label: 'Max ejection', unit: 'ms', min: 0 },
            { t: 'num', key: 'maxEjectionPercent', label: 'Max ejected', unit: '%', min: 0, max: 100 },
          ],
        },
      ],
    },
  ],
  live: {
    replicated: true,
    answering: true,
    backlog: { label: 'q', title: 'Queue depth', alwaysShown: false },
    chartsBacklog: false,
  },
  callVerb: 'forwards it to',
  state: (n, id, labelOf) => {
    // The seed's record_metrics per route: requests, mean time and errors.
    return routeRows(n.proxy.routes).map((r, i) => ({
      id: routeCardId(id, i),
      group: 'Mesh routes',
      title: `${labelOf(id)} · ${r.route}`,
      facts: [
        { label: 'requests', value: r.requests },
        { label: 'mean', value: `${round(r.meanMs)} ms` },
        { label: 'errors', value: r.errors, tone: r.errors > 0 ? 'warn' : undefined },
      ],
    }));
  },
};
