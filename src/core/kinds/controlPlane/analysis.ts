import { fmtMs, listWords } from '../../analysis/numbers';
import type { KindAnalysis } from '../kindAnalysis';
import { controlPlaneDocument } from './document';

/** A control plane: the sidecars it configures and how fast. */
export const controlPlaneAnalysis: KindAnalysis<'controlPlane'> = {
  role: () => controlPlaneDocument.name,
  responsibilities(n, { graph }) {
    const proxies = graph.from(n.id).map((e) => graph.label(e.target));
    return `Pushes routes and policies to ${proxies.length > 0 ? listWords(proxies) : 'no sidecars'} within ${fmtMs(n.config.propagationDelayMs)} ms.`;
  },
  slots: () => null,
};
