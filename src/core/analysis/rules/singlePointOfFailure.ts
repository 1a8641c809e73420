import { finding, type Rule } from '../context';
import type { Finding } from '../types';

/**
 * Flags single points of failure: a single-instance service or gateway on a request path, and a
 * log pipeline that ends in a single log store.
 */
export const singlePointOfFailureRule: Rule = ({ graph, nodeLoad }) => {
  const out: Finding[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== 'service' && node.kind !== 'gateway') continue;
    if (node.config.instances !== 1) continue;
    const onPath =
      (nodeLoad.get(node.id)?.offeredPerSec ?? 0) > 0 || graph.to(node.id).some((e) => e.kind === 'sync');
    if (!onPath) continue;
    const label = graph.label(node.id);
    const gateway = node.kind === 'gateway';
    out.push(
      finding('single-point-of-failure', node.id, gateway ? 'critical' : 'warning', {
        title: `${label} runs a single instance`,
        detail: gateway
          ? `${label} has 1 instance and every request behind it passes through it: one crash or deploy takes the whole entry point down.`
          : `${label} has 1 instance on a request path: while it restarts, every request that needs it fails (${node.config.concurrency} slots carry all its traffic).`,
        nodeIds: [node.id],
        suggestion:
          'Run at least 2 instances (3 to survive one failure during a deploy) behind a load balancer.',
      }),
    );
  }
  for (const router of graph.ofKind('logRouter')) {
    const stores = graph.from(router.id).filter((e) => graph.node(e.target)?.kind === 'logStore');
    if (stores.length !== 1) continue;
    const store = stores[0]!.target;
    out.push(
      finding('single-point-of-failure', store, 'info', {
        title: `${graph.label(router.id)} writes to a single log store`,
        detail: `All log entries routed by ${graph.label(router.id)} land on one shard (${graph.label(store)}): it caps log volume and loses every log while it is down.`,
        nodeIds: [router.id, store],
        edgeIds: [stores[0]!.id],
        suggestion: 'Shard logs over two or more log stores (by service hash or time) and replicate them.',
      }),
    );
  }
  return out;
};
