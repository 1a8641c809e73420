import { listWords } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { eventStoreDocument } from './document';

/** An event store: who appends to it, its snapshots, the read models it feeds. */
export const eventStoreAnalysis: KindAnalysis<'eventStore'> = {
  role: () => eventStoreDocument.name,
  responsibilities(n, { graph }) {
    const writers = graph.sourceLabels(n.id, 'eventStore');
    const rms = graph
      .ofKind('readModel')
      .filter((r) => r.config.source === n.id)
      .map((r) => graph.label(r.id));
    return `Stores one event stream per aggregate${writers.length > 0 ? `, appended by ${listWords(writers)}` : ''}; snapshots every ${n.config.snapshotEvery} events${rms.length > 0 ? `; feeds ${listWords(rms)}` : ''}.`;
  },
  slots: () => null,
};
