import { fmtMs, listWords } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { configServerDocument } from './document';

/** A config server: the keys it holds per service and how they reach the services. */
export const configServerAnalysis: KindAnalysis<'configServer'> = {
  role: () => configServerDocument.name,
  responsibilities(n, { graph }) {
    const c = n.config;
    const keys = Object.entries(c.keys).map(
      ([id, kv]) => `${graph.label(id)} (${Object.keys(kv).join(', ')})`,
    );
    const how = c.mode === 'push' ? 'pushes changes' : `is polled every ${fmtMs(c.pollIntervalMs / 1000)} s`;
    return `Holds configuration for ${keys.length > 0 ? listWords(keys) : 'no services yet'}; ${how}.`;
  },
  slots: () => null,
};
