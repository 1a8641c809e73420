import { describeDistribution } from '../../analysis/distributionMean';
import { fmtNum, fmtPercent, listWords, plural } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { clientDocument } from './document';

/** A client: its workload (rate or users, with its peak) and its request mix. */
export const clientAnalysis: KindAnalysis<'client'> = {
  role: () => clientDocument.name,
  responsibilities(n, ctx) {
    const w = n.config.workload;
    const load = ctx.load.clients.find((c) => c.nodeId === n.id);
    const total = n.config.requestMix.reduce((s, t) => s + t.weight, 0);
    const mix = n.config.requestMix
      .filter((t) => t.weight > 0)
      .map((t) => `${total > 0 ? fmtPercent(t.weight / total) : '0%'} ${t.method} ${t.path}`);
    const peak =
      load && load.peakRatePerSec > load.baseRatePerSec
        ? `, peaking at ${fmtNum(load.peakRatePerSec)} req/s`
        : '';
    const rate =
      w.kind === 'open'
        ? `Sends ${fmtNum(w.ratePerSec)} req/s (${w.arrival} arrivals)${peak}`
        : `Models ${plural(w.users, 'user')} thinking ${describeDistribution(w.thinkTimeMs)} between requests (about ${fmtNum(load?.baseRatePerSec ?? 0)} req/s)${peak}`;
    return `${rate}; mix: ${listWords(mix)}.`;
  },
  slots: () => null,
};
