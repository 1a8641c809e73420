import { finding, type Rule } from '../context';
import { fmtNum } from '../numbers';
import type { Finding } from '../types';

/** Flags log routers that receive entries but ship them to no log store: the logs are lost. */
export const logPipelineRule: Rule = ({ graph, nodeLoad }) => {
  const out: Finding[] = [];
  const logStores = graph.ofKind('logStore');
  const onlyStore = logStores.length === 1 ? logStores[0] : undefined;
  for (const router of graph.ofKind('logRouter')) {
    // A log processor between the router and its stores counts as where entries go.
    const stores = graph.from(router.id).filter((e) => {
      const kind = graph.node(e.target)?.kind;
      return kind === 'logStore' || kind === 'logProcessor';
    });
    if (stores.length > 0) continue;
    const senders = graph.to(router.id).map((e) => e.source);
    const rate = nodeLoad.get(router.id)?.offeredPerSec ?? 0;
    out.push(
      finding('log-router-without-store', router.id, senders.length > 0 ? 'warning' : 'info', {
        title: `${graph.label(router.id)} has no log store`,
        detail: `${graph.label(router.id)} receives ${fmtNum(rate)} entries/s at peak${senders.length > 0 ? ` from ${senders.length} node${senders.length === 1 ? '' : 's'}` : ''} but ships them nowhere: logs cannot be queried.`,
        nodeIds: [router.id, ...senders],
        suggestion: 'Connect the log router to one or more log stores.',
        problem: senders.length > 0,
        fixes: onlyStore
          ? [
              {
                label: `Link to ${graph.label(onlyStore.id)}`,
                change: { kind: 'link', source: router.id, target: onlyStore.id, wire: true },
              },
            ]
          : [],
      }),
    );
  }
  return out;
};
