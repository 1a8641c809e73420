import type { ArchEdge, ArchNode } from '../core/model/schema';
import { uniqueId } from './ids';

/** Nodes and the edges between them, as copied; positions are absolute canvas positions. */
export interface Fragment {
  nodes: ArchNode[];
  edges: ArchEdge[];
}

// Config fields that name another node; a pasted copy must point at the pasted twin, not the original.
const referenceKeys = new Set(['target', 'bus', 'attachedTo', 'source']);

function remapReferences(value: unknown, idMap: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => remapReferences(item, idMap));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] =
      referenceKeys.has(key) && typeof child === 'string' && idMap.has(child)
        ? idMap.get(child)
        : remapReferences(child, idMap);
  }
  return out;
}

/** The selected nodes plus the edges whose both ends are selected: what copy puts aside. */
export function extractFragment(
  nodes: readonly ArchNode[],
  edges: readonly ArchEdge[],
  nodeIds: ReadonlySet<string>,
): Fragment {
  return {
    nodes: nodes.filter((n) => nodeIds.has(n.id)),
    edges: edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)),
  };
}

/**
 * A copy of `fragment` with fresh ids (unique against `takenIds`), shifted by `offset`, whose
 * internal references follow the copies, so pasting never aliases the originals.
 */
export function cloneFragment(
  fragment: Fragment,
  takenIds: ReadonlySet<string>,
  offset: { x: number; y: number },
): Fragment {
  const taken = new Set(takenIds);
  const idMap = new Map<string, string>();
  for (const node of fragment.nodes) {
    const fresh = uniqueId(node.id.replace(/-\d+$/, ''), taken);
    taken.add(fresh);
    idMap.set(node.id, fresh);
  }
  const nodes = fragment.nodes.map(
    (node) =>
      ({
        ...node,
        id: idMap.get(node.id)!,
        position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
        config: remapReferences(node.config, idMap),
      }) as ArchNode,
  );
  const edges = fragment.edges.map((edge) => {
    const source = idMap.get(edge.source)!;
    const target = idMap.get(edge.target)!;
    const id = uniqueId(`${source}-${target}`, taken, true);
    taken.add(id);
    return { ...edge, id, source, target };
  });
  return { nodes, edges };
}
