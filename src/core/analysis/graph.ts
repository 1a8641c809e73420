import type { ArchDocument, ArchEdge, ArchNode, EdgeKind, NodeKind, NodeOfKind } from '../model/schema';

/**
 * Lookup tables over a document, built once per analysis so every rule reads nodes and edges in
 * O(1). Parallel edges follow the runtime: the first declared edge of a pair carries the traffic.
 */
export class ArchGraph {
  readonly nodes: readonly ArchNode[];
  readonly edges: readonly ArchEdge[];
  private readonly byId = new Map<string, ArchNode>();
  private readonly pair = new Map<string, ArchEdge>();
  private readonly edgeIds = new Map<string, ArchEdge>();
  private readonly outgoing = new Map<string, ArchEdge[]>();
  private readonly incoming = new Map<string, ArchEdge[]>();

  constructor(readonly document: ArchDocument) {
    this.nodes = document.nodes;
    this.edges = document.edges;
    for (const n of document.nodes) if (!this.byId.has(n.id)) this.byId.set(n.id, n);
    for (const e of document.edges) {
      const key = `${e.source}\u0000${e.target}`;
      if (!this.pair.has(key)) this.pair.set(key, e);
      if (!this.edgeIds.has(e.id)) this.edgeIds.set(e.id, e);
      push(this.outgoing, e.source, e);
      push(this.incoming, e.target, e);
    }
  }

  node(id: string): ArchNode | undefined {
    return this.byId.get(id);
  }

  edgeById(id: string): ArchEdge | undefined {
    return this.edgeIds.get(id);
  }

  /** The edge that carries traffic from `source` to `target`, if any. */
  edge(source: string, target: string): ArchEdge | undefined {
    return this.pair.get(`${source}\u0000${target}`);
  }

  from(id: string): readonly ArchEdge[] {
    return this.outgoing.get(id) ?? [];
  }

  to(id: string): readonly ArchEdge[] {
    return this.incoming.get(id) ?? [];
  }

  ofKind<K extends NodeKind>(kind: K): NodeOfKind<K>[] {
    return this.nodes.filter((n): n is NodeOfKind<K> => n.kind === kind);
  }

  label(id: string): string {
    return this.byId.get(id)?.label || id;
  }

  /** The labels of the nodes that link to `id` by edges of `kind`, each once, in edge order. */
  sourceLabels(id: string, kind: EdgeKind): string[] {
    return [
      ...new Set(
        this.to(id)
          .filter((e) => e.kind === kind)
          .map((e) => this.label(e.source)),
      ),
    ];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
