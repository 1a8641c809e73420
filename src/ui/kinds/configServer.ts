import { formatMs } from './format';
import { kindGlyph, plural, type UiKind } from './uiKind';

/** Config server: keys delivered by push or poll. */
export const configServer: UiKind<'configServer'> = {
  name: 'Config server',
  blurb: 'Keys delivered by push or poll',
  group: 'Coordination',
  icon: kindGlyph(
    { circle: [12, 12, 3] },
    'M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1',
  ),
  color: { light: '#ea580c', dark: '#fb923c' },
  summary: (c) => {
    const how = c.mode === 'push' ? 'push' : `poll ${formatMs(c.pollIntervalMs)}`;
    return { instances: null, facts: [`${how} · ${plural(Object.keys(c.keys).length, 'service')}`] };
  },
  form: [
    {
      title: 'Delivery',
      fields: [
        { t: 'enum', key: 'mode', label: 'Mode', options: ['poll', 'push'] },
        { t: 'num', key: 'pollIntervalMs', label: 'Poll interval', unit: 'ms', min: 0 },
        { t: 'json', key: 'keys', label: 'Keys', help: 'Per service id: {"order": {"timeoutMs": 500}}' },
      ],
    },
  ],
  live: {
    replicated: false,
    answering: false,
    backlog: { label: 'q', title: 'Queue depth', alwaysShown: false },
    chartsBacklog: false,
  },
  callVerb: 'calls',
  state: null,
};
