import { sagaUses } from '../../model/saga';
import type { ArchNode } from '../../model/schema';
import { finding, type Rule } from '../context';
import type { ArchGraph } from '../graph';
import { linkReferences } from '../nodeReferences';
import type { Finding } from '../types';

const stepVerbs: Partial<Record<ArchNode['kind'], string>> = {
  service: 'Call',
  proxy: 'Call',
  eventBus: 'Publish to',
  eventStore: 'Append to',
  readModel: 'Query',
  logRouter: 'Log to',
};

/** The fix's label when the link is unused, or null when the link is used or membership is its use. */
function unusedLabel(
  graph: ArchGraph,
  source: ArchNode,
  target: ArchNode,
  targetsOf: (node: ArchNode) => ReadonlySet<string>,
): string | null {
  const to = graph.label(target.id);
  const sends = () => targetsOf(source).has(target.id);
  if (source.kind === 'gateway' && (target.kind === 'service' || target.kind === 'proxy')) {
    return sends() ? null : `Route to ${to}`;
  }
  // The order saga uses its links without steps (docs/diagram-format.md, the e-commerce domain).
  if (source.kind === 'service' && !sagaUses(graph.document, source, target)) {
    const verb = stepVerbs[target.kind];
    return verb === undefined || sends() ? null : `${verb} ${to}`;
  }
  if (source.kind === 'eventBus' && target.kind === 'service') {
    const subscribed = target.config.subscriptions.some((s) => s.bus === source.id);
    return subscribed ? null : `Subscribe ${to} to ${graph.label(source.id)}`;
  }
  // A processor has one source and one output: a link is unused (and wiring it fixes that) while it has none.
  if (source.kind === 'eventBus' && target.kind === 'eventProcessor') {
    return target.config.source === undefined ? `Consume ${graph.label(source.id)} in ${to}` : null;
  }
  if (source.kind === 'eventProcessor' && target.kind === 'eventBus') {
    return source.config.output === undefined ? `Publish ${graph.label(source.id)}'s results to ${to}` : null;
  }
  return null;
}

/**
 * Flags a link nothing travels over: a gateway link no route uses, a service link no step uses, a
 * bus link to a service that subscribes to nothing on it, a bus link to an event processor that
 * consumes nothing, an event processor's link to a bus while it publishes nowhere. Fixed by what a new link would add.
 */
export const unusedLinkRule: Rule = ({ graph }) => {
  const out: Finding[] = [];
  const targets = new Map<string, ReadonlySet<string>>();
  const targetsOf = (node: ArchNode) => {
    let set = targets.get(node.id);
    if (!set) {
      set = new Set(linkReferences(node).map((r) => r.target));
      targets.set(node.id, set);
    }
    return set;
  };
  for (const edge of graph.edges) {
    const source = graph.node(edge.source);
    const target = graph.node(edge.target);
    if (!source || !target || graph.edge(edge.source, edge.target) !== edge) continue;
    const label = unusedLabel(graph, source, target, targetsOf);
    if (label === null) continue;
    const from = graph.label(source.id);
    const to = graph.label(target.id);
    out.push(
      finding('unused-link', edge.id, 'warning', {
        title: `Nothing travels from ${from} to ${to}`,
        detail: `${from} links to ${to}, but no route, step or subscription uses the link.`,
        nodeIds: [source.id, target.id],
        edgeIds: [edge.id],
        suggestion: 'Add what uses the link (the fix adds what a new link would), or remove the link.',
        problem: true,
        fixes: [{ label, change: { kind: 'wire', edgeId: edge.id } }],
      }),
    );
  }
  return out;
};
