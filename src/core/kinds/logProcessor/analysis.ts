import { fmtMs, listWords, plural } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { logProcessorDocument } from './document';

/** A log processor: what it does to entries, where it sends them, and what it alerts on. */
export const logProcessorAnalysis: KindAnalysis<'logProcessor'> = {
  role: () => logProcessorDocument.name,
  responsibilities(n, { graph }) {
    const c = n.config;
    const stores = graph.from(n.id).filter((e) => graph.node(e.target)?.kind === 'logStore');
    const does = [
      c.patterns.length > 0 ? `parses entries with ${plural(c.patterns.length, 'pattern')}` : null,
      c.enrich.length > 0 ? `adds ${plural(c.enrich.length, 'field')}` : null,
      c.filter ? 'filters them' : null,
      c.sampleRate < 1 ? `keeps ${fmtMs(c.sampleRate * 100)} % of them` : null,
      `counts them by level and service per ${fmtMs(c.windowSec)} s`,
    ].filter((x): x is string => x !== null);
    const alerts = c.alerts.length > 0 ? ` Alerts on ${listWords(c.alerts.map((a) => a.id))}.` : '';
    return `${does.join(', ').replace(/^./, (ch) => ch.toUpperCase())}, and forwards them to ${plural(stores.length, 'log store')}.${alerts}`;
  },
  slots: (n) => n.config.workers,
};
