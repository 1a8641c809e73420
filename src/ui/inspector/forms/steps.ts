import type { Field, MakeContext } from '../formSpec';
import { methods } from './shared';

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
      { t: 'text', key: 'eventType', label: 'Event type', optional: true },
      {
        t: 'text',
        key: 'command',
        label: 'Command',
        optional: true,
        help: 'A command of an aggregate the store declares (instead of an event type)',
      },
      {
        t: 'optional',
        key: 'publish',
        label: 'Publish it too',
        make: (ctx) => ({ target: ctx.firstId(['eventBus']), topic: 'events', via: 'outbox' }),
        help: 'Outbox: written with the append, relayed by the store. Dual write: the service publishes after the append.',
        fields: [
          { t: 'ref', key: 'target', label: 'Event bus', kinds: ['eventBus'] },
          { t: 'text', key: 'topic', label: 'Topic' },
          { t: 'text', key: 'key', label: 'Partition key', optional: true, placeholder: 'header or field' },
          { t: 'enum', key: 'via', label: 'Via', options: ['outbox', 'dualWrite'] },
        ],
      },
    ],
  },
  request: {
    make: (ctx) => ({
      kind: 'request',
      target: ctx.firstId(['eventBus']),
      topic: 'requests',
      timeoutMs: 5000,
    }),
    fields: [
      { t: 'ref', key: 'target', label: 'Event bus', kinds: ['eventBus'] },
      { t: 'text', key: 'topic', label: 'Topic' },
      { t: 'text', key: 'key', label: 'Partition key', optional: true, placeholder: 'header or field' },
      { t: 'num', key: 'timeoutMs', label: 'Reply timeout', unit: 'ms', min: 0 },
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

/** The ordered steps an endpoint or a subscription runs, one union variant per step kind. */
export const stepsField: Field = {
  t: 'list',
  key: 'steps',
  label: 'Steps',
  item: 'step',
  make: () => ({ kind: 'work' }),
  title: (item, i) => `${i + 1}. ${(item as { kind: string }).kind}`,
  fields: [{ t: 'union', key: null, label: 'Kind', variants: stepVariants }],
};
