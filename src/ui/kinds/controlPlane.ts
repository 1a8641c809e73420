import { formatMs } from './format';
import { kindGlyph, type UiKind } from './uiKind';

/** Control plane: configures the sidecars. */
export const controlPlane: UiKind<'controlPlane'> = {
  name: 'Control plane',
  blurb: 'Configures the sidecars',
  group: 'Compute',
  icon: kindGlyph(
    'M5 4v16M12 4v16M19 4v16',
    { rect: [3, 13, 4, 3, 1] },
    { rect: [10, 7, 4, 3, 1] },
    { rect: [17, 11, 4, 3, 1] },
  ),
  color: { light: '#0f766e', dark: '#5eead4' },
  summary: (c) => ({ instances: null, facts: [`propagates in ${formatMs(c.propagationDelayMs)}`] }),
  form: [
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
  live: {
    replicated: false,
    answering: false,
    backlog: { label: 'q', title: 'Queue depth', alwaysShown: false },
    chartsBacklog: false,
  },
  callVerb: 'calls',
  state: null,
};
