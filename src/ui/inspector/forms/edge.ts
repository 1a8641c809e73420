import type { Field, Section } from '../formSpec';

const breakerFields: Field[] = [
  { t: 'enum', key: 'slidingWindowType', label: 'Window type', options: ['count', 'time'] },
  { t: 'int', key: 'slidingWindowSize', label: 'Window size', unit: 'calls|s', min: 1 },
  { t: 'int', key: 'minimumNumberOfCalls', label: 'Minimum calls', min: 1 },
  { t: 'num', key: 'failureRateThreshold', label: 'Failure rate ≥', unit: '%', min: 0, max: 100 },
  { t: 'num', key: 'slowCallRateThreshold', label: 'Slow-call rate ≥', unit: '%', min: 0, max: 100 },
  { t: 'num', key: 'slowCallDurationThresholdMs', label: 'Slow call over', unit: 'ms', min: 0 },
  { t: 'num', key: 'waitDurationInOpenStateMs', label: 'Open for', unit: 'ms', min: 0 },
  { t: 'int', key: 'permittedNumberOfCallsInHalfOpenState', label: 'Half-open calls', min: 1 },
];

/** Inspector sections of an edge: the caller-side policies of one link (Envoy / Resilience4j). */
export const edgeForm: Section[] = [
  {
    title: 'Network',
    fields: [
      { t: 'dist', key: 'latencyMs', label: 'One-way latency' },
      {
        t: 'num',
        key: 'timeoutMs',
        label: 'Timeout',
        unit: 'ms',
        min: 0,
        help: 'Covers all retries; 0 means none.',
      },
    ],
  },
  {
    title: 'Retries',
    fields: [
      {
        t: 'group',
        key: 'retry',
        label: 'Retry',
        fields: [
          { t: 'int', key: 'maxRetries', label: 'Max retries', min: 0, max: 10 },
          { t: 'num', key: 'baseBackoffMs', label: 'Base backoff', unit: 'ms', min: 0 },
          { t: 'num', key: 'maxBackoffMs', label: 'Max backoff', unit: 'ms', min: 0 },
          { t: 'strings', key: 'retryOn', label: 'Retry on', placeholder: '5xx, timeout, connect, 429' },
          {
            t: 'num',
            key: 'perTryTimeoutMs',
            label: 'Per-try timeout',
            unit: 'ms',
            min: 0,
            help: 'Each attempt gives up after this; retried when Retry on lists timeout. 0 means none.',
          },
        ],
      },
    ],
  },
  {
    title: 'Circuit breaker',
    fields: [
      {
        t: 'optional',
        key: 'breaker',
        label: 'Circuit breaker',
        help: 'Resilience4j semantics: opens at a failure or slow-call rate ≥ threshold.',
        make: () => ({
          enabled: true,
          slidingWindowType: 'count',
          slidingWindowSize: 100,
          minimumNumberOfCalls: 100,
          failureRateThreshold: 50,
          slowCallRateThreshold: 100,
          slowCallDurationThresholdMs: 60000,
          waitDurationInOpenStateMs: 60000,
          permittedNumberOfCallsInHalfOpenState: 10,
        }),
        fields: [{ t: 'bool', key: 'enabled', label: 'Enabled' }, ...breakerFields],
      },
      {
        t: 'union',
        key: 'fallback',
        label: 'Fallback',
        variants: {
          fail: { make: () => ({ kind: 'fail' }), fields: [] },
          static: {
            make: () => ({ kind: 'static', status: 200 }),
            fields: [{ t: 'int', key: 'status', label: 'Status', min: 200, max: 599 }],
          },
        },
      },
    ],
  },
  {
    title: 'Load balancing',
    fields: [
      {
        t: 'group',
        key: 'loadBalancer',
        label: 'Load balancer',
        fields: [
          {
            t: 'enum',
            key: 'policy',
            label: 'Policy',
            options: ['roundRobin', 'random', 'leastRequest', 'weighted', 'consistentHash'],
          },
          { t: 'text', key: 'hashHeader', label: 'Hash header' },
          {
            t: 'strings',
            key: 'weights',
            label: 'Weights',
            numeric: true,
            placeholder: 'per instance, e.g. 90, 10',
          },
          { t: 'num', key: 'panicThresholdPercent', label: 'Panic threshold', unit: '%', min: 0, max: 100 },
        ],
      },
    ],
  },
];
