import { type ArchDocument, type ArchNode, nodeConfigSchemas } from './schema';
import { linkNodes, wireDefaults } from './wiring';

/**
 * A change to the document as plain data, so the analysis can offer a repair in `archplay analyze
 * --json` and the editor can apply it as one undoable step.
 */
export type DocumentChange =
  /** Adds the link from `source` to `target`; with `wire`, also what makes it carry traffic. */
  | { kind: 'link'; source: string; target: string; wire: boolean }
  /** Adds to an existing link what a new one would add (core/model/wiring.ts). */
  | { kind: 'wire'; edgeId: string }
  /** Replaces a node's config. */
  | { kind: 'setConfig'; nodeId: string; config: ArchNode['config'] };

/**
 * The document after `change`; the same document when the change no longer applies (its node or
 * edge is gone, the link exists, or the config does not fit the node's kind).
 */
export function applyChange(doc: ArchDocument, change: DocumentChange): ArchDocument {
  switch (change.kind) {
    case 'link': {
      const result = linkNodes(doc, change.source, change.target, change.wire);
      return result.ok ? result.document : doc;
    }
    case 'wire': {
      const edge = doc.edges.find((e) => e.id === change.edgeId);
      return edge ? wireDefaults(doc, edge) : doc;
    }
    case 'setConfig': {
      const node = doc.nodes.find((n) => n.id === change.nodeId);
      const parsed = node ? nodeConfigSchemas[node.kind].safeParse(change.config) : undefined;
      if (!node || !parsed?.success) return doc;
      const nodes = doc.nodes.map((n) =>
        n.id === node.id ? ({ ...n, config: parsed.data } as ArchNode) : n,
      );
      return { ...doc, nodes };
    }
  }
}
