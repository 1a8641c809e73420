import { finding, type Rule } from '../context';
import { fmtNum } from '../numbers';
import type { Finding } from '../types';

/**
 * Flags log routers that receive entries but ship them to no log store (the logs are lost), and log
 * processors a router ships to that forward to no store: their entries cannot be queried, which is
 * a problem unless the processor exists for its alerts.
 */
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
  for (const processor of graph.ofKind('logProcessor')) {
    if (graph.from(processor.id).some((e) => graph.node(e.target)?.kind === 'logStore')) continue;
    const routers = graph.to(processor.id).filter((e) => graph.node(e.source)?.kind === 'logRouter');
    if (routers.length === 0) continue;
    const alerts = processor.config.alerts.length;
    const name = graph.label(processor.id);
    out.push(
      finding('log-processor-without-store', processor.id, alerts > 0 ? 'info' : 'warning', {
        title: `${name} keeps no log`,
        detail:
          alerts > 0
            ? `${name} evaluates ${alerts} alert rule${alerts === 1 ? '' : 's'} but forwards its entries to no log store: they cannot be queried.`
            : `${name} parses the entries ${routers.map((e) => graph.label(e.source)).join(', ')} ships to it, then drops them: no log store follows it and it has no alert rule.`,
        nodeIds: [processor.id, ...routers.map((e) => e.source)],
        suggestion: 'Link the log processor to a log store.',
        problem: alerts === 0,
        fixes: onlyStore
          ? [
              {
                label: `Link to ${graph.label(onlyStore.id)}`,
                change: { kind: 'link', source: processor.id, target: onlyStore.id, wire: true },
              },
            ]
          : [],
      }),
    );
  }
  return out;
};
