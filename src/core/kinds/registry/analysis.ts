import { fmtMs, listWords } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { registryDocument } from './document';

/** A registry: its members and its heartbeat, lease and eviction timing. */
export const registryAnalysis: KindAnalysis<'registry'> = {
  role: () => registryDocument.name,
  responsibilities(n, { graph }) {
    const c = n.config;
    const members = graph.sourceLabels(n.id, 'registry');
    return `Tracks ${members.length > 0 ? listWords(members) : 'no registered services'}; instances heartbeat every ${fmtMs(c.heartbeatIntervalMs / 1000)} s, expire after ${fmtMs(c.leaseMs / 1000)} s, evicted every ${fmtMs(c.evictionIntervalMs / 1000)} s.`;
  },
  slots: () => null,
};
