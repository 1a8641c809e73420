import type { KindRuntime } from '../kinds/kindRuntime';
import type { NodeKind } from '../kinds/nodeKinds';
import type { NodeSections } from '../kinds/runtimes';
import type { NodeOfKind } from '../model/schema';
import type { World } from '../sim/world';
import type { NodeCounts, SummarizedNode } from './summary';

/** The kind -> runtime table a run builds its nodes from (kinds/runtimes.ts, or a test's variant). */
export type KindRuntimes = { [K in NodeKind]: KindRuntime<K, NodeSections[K]> };

/**
 * Builds one node's runtime through its kind's entry and adds it to the world. The kind flows from
 * the node to its entry and to its summary section, so nothing here is cast.
 */
export function buildNode<K extends NodeKind>(
  world: World,
  runtimes: KindRuntimes,
  node: NodeOfKind<K>,
): SummarizedNode<K> {
  const runtime = runtimes[node.kind].create(world, node);
  world.addNode(runtime);
  const kind = node.kind;
  return {
    runtime,
    summarize(counts) {
      const entry: { kind: K } & NodeCounts = { kind, ...counts };
      return { ...entry, ...runtime.summary() };
    },
  };
}
