import { describeDistribution } from '../../analysis/distributionMean';
import { fmtNum } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { logStoreDocument } from './document';

/** A log store: its capacity and query latency. */
export const logStoreAnalysis: KindAnalysis<'logStore'> = {
  role: () => logStoreDocument.name,
  responsibilities: (n) =>
    `Keeps up to ${fmtNum(n.config.capacity)} log entries and answers time-range queries in ${describeDistribution(n.config.queryLatencyMs)}.`,
  slots: () => null,
};
