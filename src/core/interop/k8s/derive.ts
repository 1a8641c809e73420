import {
  type ArchEdge,
  type ArchNode,
  type EdgeConfig,
  edgeConfigSchema,
  edgeSchema,
  nodeSchema,
} from '../core';
import type { RawEdge, RawNode } from './skeleton';

/** A raw node with the schema's defaults filled in, or null when the schema refuses it. */
export function parsedNode(raw: RawNode): ArchNode | null {
  const result = nodeSchema.safeParse(raw);
  return result.success ? result.data : null;
}

/** A raw edge with the schema's defaults filled in, or null when the schema refuses it. */
export function parsedEdge(raw: RawEdge): ArchEdge | null {
  const result = edgeSchema.safeParse(raw);
  return result.success ? result.data : null;
}

/** The node a kind gives with nothing set: what an overlay of a node absent from Kubernetes applies to. */
export function blankNode(id: string, kind: string): ArchNode | null {
  return parsedNode({ id, kind, label: id, position: { x: 0, y: 0 }, config: {} });
}

/** An edge config with every default. */
export function blankEdgeConfig(): EdgeConfig {
  return edgeConfigSchema.parse({});
}

/** The key that matches an edge of the original to the edge the objects give: its ends and kind. */
export function edgeKey(e: { source: string; target: string; kind: string }): string {
  return `${e.source}\u0000${e.target}\u0000${e.kind}`;
}
