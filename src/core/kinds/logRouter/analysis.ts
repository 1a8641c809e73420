import { fmtMs, listWords, plural } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { logRouterDocument } from './document';

/** A log router: who ships to it and how it shards over its stores. */
export const logRouterAnalysis: KindAnalysis<'logRouter'> = {
  role: () => logRouterDocument.name,
  responsibilities(n, { graph }) {
    const stores = graph.from(n.id).filter((e) => graph.node(e.target)?.kind === 'logStore');
    const by = {
      serviceHash: 'by service hash',
      roundRobin: 'round robin',
      time: `by ${fmtMs(n.config.timeBucketMs / 1000)} s time bucket`,
    }[n.config.strategy];
    const shippers = graph.sourceLabels(n.id, 'log');
    return `Collects log entries${shippers.length > 0 ? ` from ${listWords(shippers)}` : ''} and shards them over ${plural(stores.length, 'log store')} ${by}.`;
  },
  slots: () => null,
};
