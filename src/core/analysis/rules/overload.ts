import { finding, type Rule } from '../context';
import { fmtMs, fmtNum, fmtPercent } from '../numbers';

/** Flags nodes whose utilisation at peak load is >= 80% (warning) or >= 100% (critical). */
export const overloadRule: Rule = ({ graph, load }) =>
  load.nodes
    .filter((n) => n.status === 'overloaded' || n.status === 'warn')
    .map((n) => {
      const over = n.status === 'overloaded';
      const label = graph.label(n.nodeId);
      const rho = n.utilisation ?? 0;
      const tail = over
        ? 'Requests queue without bound until the queue overflows and callers get 503s.'
        : 'Queueing delay grows steeply past 80% and any spike tips it over.';
      return finding(over ? 'overloaded' : 'near-capacity', n.nodeId, over ? 'critical' : 'warning', {
        title: over ? `${label} is overloaded` : `${label} runs near capacity`,
        detail: `${label} receives ${fmtNum(n.offeredPerSec)} req/s at peak but ${n.slots} slots holding each request ${fmtMs(n.holdingMs ?? 0)} ms serve about ${fmtNum(n.capacityPerSec ?? 0)} req/s (utilisation ${fmtPercent(rho)}). ${tail}`,
        nodeIds: [n.nodeId],
        suggestion:
          n.kind === 'proxy'
            ? 'Raise the sidecar connection pool or spread the traffic over more sidecars.'
            : 'Add instances or concurrency, shorten the work or the downstream waits that hold each slot, or shed load at the gateway.',
        problem: over,
      });
    });
