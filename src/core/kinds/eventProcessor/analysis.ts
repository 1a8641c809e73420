import { plural } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { eventProcessorDocument } from './document';

/** An event processor: what it reads, what it does to the events, where it writes. */
export const eventProcessorAnalysis: KindAnalysis<'eventProcessor'> = {
  role: () => eventProcessorDocument.name,
  responsibilities(n) {
    const c = n.config;
    const w = c.window;
    const does = [
      c.filter ? 'filters' : null,
      c.map.length > 0 ? `maps ${plural(c.map.length, 'field')} of` : null,
      w ? `aggregates (${w.aggregate}) over ${w.kind} ${w.sizeSec} s windows` : null,
    ].filter((x): x is string => x !== null);
    const what = does.length > 0 ? `${does.join(', ')} the events` : 'passes the events on';
    const from = c.source
      ? `Consumes ${c.source.topic} on ${c.source.bus} as group ${c.source.group}`
      : 'Consumes no topic yet';
    const to = c.output ? `publishes to ${c.output.topic} on ${c.output.bus}` : 'publishes nothing';
    return `${from}, ${what}, and ${to} (at least once${c.dedupe ? ', duplicates dropped by message id' : ''}).`;
  },
  slots: (n) => n.config.instances,
};
