import type { NodeKind } from '../../core/model/schema';
import type { Field, MakeContext, Section } from './formSpec';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const capacity: Field[] = [
  {
    t: 'int',
    key: 'instances',
    label: 'Instances',
    min: 1,
    max: 1000,
    help: 'Replicas behind the load balancer.',
  },
  {
    t: 'int',
    key: 'concurrency',
    label: 'Concurrency',
    unit: 'slots',
    min: 1,
    help: 'Requests one instance serves at once.',
  },
  {
    t: 'int',
    key: 'queueCapacity',
    label: 'Queue capacity',
    unit: 'req',
    min: 0,
    help: 'Waiting requests per instance; overflow answers 503.',
  },
  { t: 'dist', key: 'serviceTimeMs', label: 'Service time' },
];

const stepVariants: Record<string, { make: (ctx: MakeContext) => unknown; fields: Field[] }> = {
  work: {
    make: () => ({ kind: 'work' }),
    fields: [
      {
        t: 'optional',
        key: 'durationMs',
        label: 'Own duration',
        make: () => ({ kind: 'constant', ms: 10 }),
        fields: [{ t: 'dist', key: '', label: 'Duration' }],
        help: 'Off: the service time is used.',
      },
    ],
  },
  call: {
    make: (ctx) => ({ kind: 'call', target: ctx.firstId(['service']), method: 'GET', path: '/' }),
    fields: [
      { t: 'ref', key: 'target', label: 'Target', kinds: ['service', 'proxy', 'gateway'] },
      { t: 'enum', key: 'method', label: 'Method', options: methods },
      { t: 'text', key: 'path', label: 'Path', placeholder: '/orders' },
    ],
  },
  publish: {
    make: (ctx) => ({ kind: 'publish', target: ctx.firstId(['eventBus']), topic: 'events' }),
    fields: [
      { t: 'ref', key: 'target', label: 'Event bus', kinds: ['eventBus'] },
      { t: 'text', key: 'topic', label: 'Topic' },
      { t: 'text', key: 'key', label: 'Partition key', optional: true, placeholder: 'header or field' },
    ],
  },
  append: {
    make: (ctx) => ({ kind: 'append', target: ctx.firstId(['eventStore']), eventType: 'Event' }),
    fields: [
      { t: 'ref', key: 'target', label: 'Event store', kinds: ['eventStore'] },
      { t: 'text', key: 'eventType', label: 'Event type' },
    ],
  },
  query: {
    make: (ctx) => ({ kind: 'query', target: ctx.firstId(['readModel']) }),
    fields: [{ t: 'ref', key: 'target', label: 'Read model', kinds: ['readModel'] }],
  },
  log: {
    make: (ctx) => ({ kind: 'log', target: ctx.firstId(['logRouter']), level: 'info', message: '' }),
    fields: [
      { t: 'ref', key: 'target', label: 'Log router', kinds: ['logRouter'] },
      { t: 'enum', key: 'level', label: 'Level', options: ['debug', 'info', 'warn', 'error'] },
      { t: 'text', key: 'message', label: 'Message' },
    ],
  },
};

const stepsField: Field = {
  t: 'list',
  key: 'steps',
  label: 'Steps',
  item: 'step',
  make: () => ({ kind: 'work' }),
  title: (item, i) => `${i + 1}. ${(item as { kind: string }).kind}`,
  fields: [{ t: 'union', key: null, label: 'Kind', variants: stepVariants }],
};

const headers: Field = {
  t: 'json',
  key: 'headers',
  label: 'Headers',
  help: 'A JSON object of header: value.',
};

/** The inspector sections of each node kind's config, in the order a person thinks about them. */
export const kindForms: Record<NodeKind, Section[]> = {
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
  proxy: [
    {
      title: 'Sidecar',
      fields: [
        { t: 'ref', key: 'attachedTo', label: 'Attached to', kinds: ['service'], optional: true },
        { t: 'dist', key: 'serviceTimeMs', label: 'Proxy overhead' },
        { t: 'enum', key: 'mtls', label: 'mTLS', options: ['DISABLE', 'PERMISSIVE', 'STRICT'] },
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
                  t: 'json',
                  key: 'headers',
                  label: 'Headers',
                  help: 'e.g. {"x-canary": {"kind": "exact", "value": "1"}}',
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
  controlPlane: [
    {
      title: 'Control plane',
      fields: [
        {
          t: 'num',
          key: 'propagationDelayMs',
          label: 'Propagation delay',
          unit: 'ms',
          min: 0,
          help: 'Time for a route change to reach every sidecar.',
        },
      ],
    },
  ],
  registry: [
    {
      title: 'Leases',
      fields: [
        { t: 'num', key: 'heartbeatIntervalMs', label: 'Heartbeat every', unit: 'ms', min: 0 },
        { t: 'num', key: 'leaseMs', label: 'Lease (TTL)', unit: 'ms', min: 0 },
        { t: 'num', key: 'evictionIntervalMs', label: 'Eviction sweep', unit: 'ms', min: 0 },
      ],
    },
  ],
  configServer: [
    {
      title: 'Delivery',
      fields: [
        { t: 'enum', key: 'mode', label: 'Mode', options: ['poll', 'push'] },
        { t: 'num', key: 'pollIntervalMs', label: 'Poll interval', unit: 'ms', min: 0 },
        { t: 'json', key: 'keys', label: 'Keys', help: 'Per service id: {"order": {"timeoutMs": 500}}' },
      ],
    },
  ],
  eventBus: [
    {
      title: 'Topics',
      fields: [
        {
          t: 'list',
          key: 'topics',
          label: 'Topics',
          item: 'topic',
          make: () => ({ name: 'events', partitions: 3, maxDeliveries: 5 }),
          title: (item) => (item as { name: string }).name,
          fields: [
            { t: 'text', key: 'name', label: 'Name' },
            { t: 'int', key: 'partitions', label: 'Partitions', min: 1, max: 1024 },
            {
              t: 'int',
              key: 'maxDeliveries',
              label: 'Max deliveries',
              min: 1,
              help: 'Then the event goes to the dead-letter queue.',
            },
          ],
        },
      ],
    },
    {
      title: 'Delivery',
      fields: [
        { t: 'dist', key: 'deliveryLatencyMs', label: 'Delivery latency' },
        { t: 'num', key: 'redeliveryDelayMs', label: 'Redelivery delay', unit: 'ms', min: 0 },
      ],
    },
  ],
  eventStore: [
    {
      title: 'Store',
      fields: [
        { t: 'dist', key: 'appendLatencyMs', label: 'Append latency' },
        { t: 'int', key: 'snapshotEvery', label: 'Snapshot every', unit: 'events', min: 1 },
      ],
    },
  ],
  readModel: [
    {
      title: 'Projection',
      fields: [
        { t: 'ref', key: 'source', label: 'Source store', kinds: ['eventStore'], optional: true },
        { t: 'dist', key: 'projectionLatencyMs', label: 'Projection latency' },
        { t: 'dist', key: 'queryLatencyMs', label: 'Query latency' },
      ],
    },
  ],
  logRouter: [
    {
      title: 'Sharding',
      fields: [
        { t: 'enum', key: 'strategy', label: 'Strategy', options: ['serviceHash', 'roundRobin', 'time'] },
        { t: 'num', key: 'timeBucketMs', label: 'Time bucket', unit: 'ms', min: 0 },
      ],
    },
  ],
  logStore: [
    {
      title: 'Store',
      fields: [
        { t: 'int', key: 'capacity', label: 'Capacity', unit: 'entries', min: 1 },
        { t: 'num', key: 'retentionSec', label: 'Retention', unit: 's', min: 0 },
        { t: 'dist', key: 'queryLatencyMs', label: 'Query latency' },
      ],
    },
  ],
};
