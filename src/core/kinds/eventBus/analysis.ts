import { describeDistribution } from '../../analysis/distributionMean';
import { fmtMs, listWords, plural } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { eventBusDocument } from './document';

/** An event bus: its topics, partitions, dead-lettering and delivery timing. */
export const eventBusAnalysis: KindAnalysis<'eventBus'> = {
  role: () => eventBusDocument.name,
  responsibilities(n) {
    const c = n.config;
    const topics = c.topics.map(
      (t) => `"${t.name}" (${plural(t.partitions, 'partition')}, DLQ after ${t.maxDeliveries} deliveries)`,
    );
    return `Carries ${topics.length > 0 ? `topics ${listWords(topics)}` : 'no declared topics'}; delivers in ${describeDistribution(c.deliveryLatencyMs)}, redelivers after ${fmtMs(c.redeliveryDelayMs)} ms.`;
  },
  slots: () => null,
};
