import { meanMs } from '../../analysis/distributionMean';
import { fmtMs, listWords } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { readModelDocument } from './document';

/** A read model: the store it projects, who queries it, and how fast. */
export const readModelAnalysis: KindAnalysis<'readModel'> = {
  role: () => readModelDocument.name,
  responsibilities(n, { graph }) {
    const c = n.config;
    const readers = graph.sourceLabels(n.id, 'query');
    return `Projects ${c.source ? graph.label(c.source) : 'no event store'} into a query view (projection ${fmtMs(meanMs(c.projectionLatencyMs))} ms)${readers.length > 0 ? `; queried by ${listWords(readers)}` : ''} in ${fmtMs(meanMs(c.queryLatencyMs))} ms.`;
  },
  slots: () => null,
};
