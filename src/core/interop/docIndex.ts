import {
  type ArchDocument,
  type ArchEdge,
  type ArchNode,
  type EdgeConfig,
  edgeConfigSchema,
  type NodeKind,
  type NodeOfKind,
} from './core';

/** Lookups over a document that every converter needs. */
export class DocIndex {
  readonly nodes = new Map<string, ArchNode>();
  private readonly edgesByPair = new Map<string, ArchEdge>();
  private readonly outgoing = new Map<string, ArchEdge[]>();

  constructor(readonly document: ArchDocument) {
    for (const node of document.nodes) this.nodes.set(node.id, node);
    for (const edge of document.edges) {
      const key = `${edge.source}\u0000${edge.target}`;
      if (!this.edgesByPair.has(key)) this.edgesByPair.set(key, edge);
      const list = this.outgoing.get(edge.source) ?? [];
      list.push(edge);
      this.outgoing.set(edge.source, list);
    }
  }

  /** The node `id` when it is of `kind`. */
  nodeOf<K extends NodeKind>(id: string | undefined, kind: K): NodeOfKind<K> | undefined {
    const node = id === undefined ? undefined : this.nodes.get(id);
    return node?.kind === kind ? (node as NodeOfKind<K>) : undefined;
  }

  /** The first edge from `source` to `target`. */
  edge(source: string, target: string): ArchEdge | undefined {
    return this.edgesByPair.get(`${source}\u0000${target}`);
  }

  /** The config of the edge from `source` to `target`, or the defaults when there is none. */
  edgeConfig(source: string, target: string): EdgeConfig {
    return this.edge(source, target)?.config ?? DEFAULT_EDGE_CONFIG;
  }

  /** Edges leaving `source`, in document order. */
  edgesFrom(source: string): readonly ArchEdge[] {
    return this.outgoing.get(source) ?? [];
  }

  /** The proxy attached to each service, first one in document order. */
  sidecars(): Map<string, NodeOfKind<'proxy'>> {
    const out = new Map<string, NodeOfKind<'proxy'>>();
    for (const node of this.document.nodes) {
      if (node.kind === 'proxy' && node.config.attachedTo !== undefined && !out.has(node.config.attachedTo)) {
        if (this.nodeOf(node.config.attachedTo, 'service')) out.set(node.config.attachedTo, node);
      }
    }
    return out;
  }
}

/** An edge config with every default filled in. */
const DEFAULT_EDGE_CONFIG: EdgeConfig = edgeConfigSchema.parse({});
