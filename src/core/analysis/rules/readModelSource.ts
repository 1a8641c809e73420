import { finding, type Rule } from '../context';
import type { Finding } from '../types';

/** Flags read models that no event store feeds (no source and no projection edge): they stay empty. */
export const readModelSourceRule: Rule = ({ graph }) => {
  const out: Finding[] = [];
  const stores = graph.ofKind('eventStore');
  const onlyStore = stores.length === 1 ? stores[0] : undefined;
  for (const rm of graph.ofKind('readModel')) {
    if (rm.config.source !== undefined) continue;
    if (graph.to(rm.id).some((e) => e.kind === 'projection')) continue;
    out.push(
      finding('read-model-without-source', rm.id, 'warning', {
        title: `${graph.label(rm.id)} has no source`,
        detail: `No event store projects into ${graph.label(rm.id)} (no source and no projection edge): its queries answer from an empty, never-updated view.`,
        nodeIds: [rm.id],
        suggestion: 'Set the read model source to the event store whose events it projects.',
        problem: true,
        fixes: onlyStore
          ? [
              {
                label: `Project ${graph.label(onlyStore.id)}`,
                change: { kind: 'link', source: onlyStore.id, target: rm.id, wire: true },
              },
            ]
          : [],
      }),
    );
  }
  return out;
};
