import type { ArchEdge, NodeKind } from '../model/schema';
import type { ArchGraph } from './graph';

/** A synchronous request path: the edges from its first caller to its deepest callee. */
export interface SyncChain {
  nodeIds: string[];
  edgeIds: string[];
}

const REQUEST_KINDS: ReadonlySet<NodeKind> = new Set(['client', 'gateway', 'service', 'proxy']);
/** Enumeration stops here; a diagram with more maximal paths is a mesh, not a chain. */
const MAX_CHAINS = 500;
const MAX_DEPTH = 32;

/** Sync edges between request-handling nodes, by source, in document order. */
function syncEdges(graph: ArchGraph): Map<string, ArchEdge[]> {
  const out = new Map<string, ArchEdge[]>();
  for (const e of graph.edges) {
    if (e.kind !== 'sync') continue;
    const s = graph.node(e.source)?.kind;
    const t = graph.node(e.target)?.kind;
    if (!s || !t || !REQUEST_KINDS.has(s) || !REQUEST_KINDS.has(t)) continue;
    const list = out.get(e.source) ?? [];
    list.push(e);
    out.set(e.source, list);
  }
  return out;
}

/**
 * The maximal synchronous call paths, from each client (or, in a diagram without clients, each
 * request node nobody calls) down to nodes that call nobody; a path stops before it revisits a node.
 */
export function syncChains(graph: ArchGraph): SyncChain[] {
  const edges = syncEdges(graph);
  const called = new Set<string>();
  for (const list of edges.values()) for (const e of list) called.add(e.target);
  let roots = graph.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  if (roots.length === 0) roots = [...edges.keys()].filter((id) => !called.has(id));
  const chains: SyncChain[] = [];
  const nodes: string[] = [];
  const path: string[] = [];
  const walk = (id: string): void => {
    if (chains.length >= MAX_CHAINS) return;
    nodes.push(id);
    const next = (edges.get(id) ?? []).filter((e) => !nodes.includes(e.target));
    if (next.length === 0 || path.length >= MAX_DEPTH) {
      if (path.length > 0) chains.push({ nodeIds: [...nodes], edgeIds: [...path] });
    } else {
      for (const e of next) {
        path.push(e.id);
        walk(e.target);
        path.pop();
      }
    }
    nodes.pop();
  };
  for (const root of roots) walk(root);
  return chains;
}
