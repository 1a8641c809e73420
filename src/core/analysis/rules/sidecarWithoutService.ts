import { finding, type Rule } from '../context';
import type { Finding } from '../types';

/**
 * Flags a sidecar proxy attached to no service and without routes: what it receives goes to the
 * first service it links to, or nowhere (502). Fixed by attaching it to the service it links to.
 */
export const sidecarWithoutServiceRule: Rule = ({ graph }) => {
  const out: Finding[] = [];
  for (const proxy of graph.ofKind('proxy')) {
    if (proxy.config.attachedTo !== undefined || proxy.config.routes.length > 0) continue;
    const name = graph.label(proxy.id);
    const linked = graph.from(proxy.id).find((e) => graph.node(e.target)?.kind === 'service');
    const service = linked ? graph.label(linked.target) : null;
    out.push(
      finding('sidecar-without-service', proxy.id, service ? 'warning' : 'critical', {
        title: `${name} is attached to no service`,
        detail: service
          ? `${name} has no service set and no routes: it forwards everything to ${service}, the first service it links to.`
          : `${name} has no service set, no routes and no link to a service: everything it receives fails (502).`,
        nodeIds: [proxy.id],
        suggestion: 'Set the service this sidecar carries traffic for, and link the sidecar to it.',
        problem: true,
        fixes:
          linked && service
            ? [
                {
                  label: `Attach to ${service}`,
                  change: {
                    kind: 'setConfig',
                    nodeId: proxy.id,
                    config: { ...proxy.config, attachedTo: linked.target },
                  },
                },
              ]
            : [],
      }),
    );
  }
  return out;
};
