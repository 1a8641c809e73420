import type { Section } from '../formSpec';

/** Document-level settings shown when nothing is selected. */
export const scenarioForm: Section[] = [
  {
    title: 'Run',
    fields: [
      { t: 'num', key: 'durationSec', label: 'Duration', unit: 's', min: 0, max: 86400 },
      { t: 'num', key: 'warmupSec', label: 'Warm-up', unit: 's', min: 0 },
      { t: 'int', key: 'seed', label: 'Seed', min: 0, help: 'Same diagram + same seed = same run.' },
    ],
  },
];
