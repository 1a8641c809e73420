import { connectionRule } from '../../model/connections';
import { finding, type Rule } from '../context';
import { linkReferences } from '../nodeReferences';
import type { Finding, Fix } from '../types';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Flags a step, gateway route or mesh destination that names a node its node has no link to: the
 * runtime fails what reaches it (502). Fixed by drawing the link, or by removing the reference.
 */
export const unlinkedReferenceRule: Rule = ({ graph }) => {
  const out: Finding[] = [];
  for (const node of graph.nodes) {
    for (const ref of linkReferences(node)) {
      const target = graph.node(ref.target);
      if (!target || graph.edge(node.id, ref.target)) continue;
      const from = graph.label(node.id);
      const to = graph.label(ref.target);
      const fixes: Fix[] = [];
      if (connectionRule(node.kind, target.kind).ok) {
        fixes.push({
          label: `Link ${from} to ${to}`,
          change: { kind: 'link', source: node.id, target: ref.target, wire: false },
        });
      }
      fixes.push({
        label: `Remove the ${ref.what}`,
        change: { kind: 'setConfig', nodeId: node.id, config: ref.without() },
      });
      out.push(
        finding('unlinked-reference', `${node.id}/${ref.key}`, 'critical', {
          title: `${from} sends to ${to} without a link`,
          detail: `${capitalised(ref.where)} at ${from} sends to ${to}, but no link runs from ${from} to ${to}: everything that reaches it fails (502).`,
          nodeIds: [node.id, ref.target],
          suggestion: `Draw a link from ${from} to ${to}, or remove the ${ref.what}.`,
          problem: true,
          fixes,
        }),
      );
    }
  }
  return out;
};
