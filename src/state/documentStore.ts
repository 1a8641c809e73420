import { temporal } from 'zundo';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { applyChange, type DocumentChange } from '../core/model/documentChange';
import {
  type ArchDocument,
  type ArchEdge,
  type ArchNode,
  type EdgeConfig,
  type NodeKind,
  nodeConfigSchemas,
  type Scenario,
} from '../core/model/schema';
import { type LinkResult, linkNodes } from '../core/model/wiring';
import { cloneFragment, type Fragment } from './clipboard';
import { createDefaultDocument } from './defaultDocument';
import { uniqueId } from './ids';
import { scrubReferences } from './scrubReferences';

interface NodeMove {
  id: string;
  position: { x: number; y: number };
}

export interface DocumentState {
  document: ArchDocument;
  /** Replaces the whole diagram as one undoable step (templates, imports). */
  replaceDocument: (document: ArchDocument) => void;
  addNode: (kind: NodeKind, position: { x: number; y: number }, label: string) => string;
  renameNode: (id: string, label: string) => void;
  /** Sets a node's config; the caller has validated it with the kind's schema. */
  setNodeConfig: (id: string, config: ArchNode['config']) => void;
  moveNodes: (moves: readonly NodeMove[]) => void;
  /**
   * Links two nodes with the edge kind the pair implies and what makes the link carry traffic (a
   * route, a step, a subscription: core/model/wiring.ts), as one undoable step; or says why not.
   */
  link: (source: string, target: string) => LinkResult;
  setEdgeConfig: (id: string, config: EdgeConfig) => void;
  /** Applies a change the analysis offers as a fix (core/model/documentChange.ts), as one undoable step. */
  applyChange: (change: DocumentChange) => void;
  /** Removes nodes (with every edge touching them) and edges, as one undoable step. */
  removeElements: (nodeIds: readonly string[], edgeIds: readonly string[]) => void;
  /** Inserts a copy of `fragment` with fresh ids; returns the copies so they can be selected. */
  pasteFragment: (fragment: Fragment, offset: { x: number; y: number }) => Fragment;
  setMeta: (meta: { name?: string; description?: string }) => void;
  setScenario: (scenario: Scenario) => void;
}

type Tracked = Pick<DocumentState, 'document'>;

function takenIds(doc: ArchDocument): Set<string> {
  const ids = new Set<string>();
  for (const n of doc.nodes) ids.add(n.id);
  for (const e of doc.edges) ids.add(e.id);
  return ids;
}

/**
 * The diagram being edited. Only `document` is tracked by undo (zundo, partialized), and an
 * unchanged document reference records nothing, so selection or drag previews never land in history.
 */
export const documentStore = createStore<DocumentState>()(
  temporal(
    (set, get) => {
      const update = (fn: (doc: ArchDocument) => ArchDocument) => {
        const prev = get().document;
        const next = fn(prev);
        if (next !== prev) set({ document: next });
      };
      const mapNode = (id: string, fn: (n: ArchNode) => ArchNode) =>
        update((doc) => {
          const index = doc.nodes.findIndex((n) => n.id === id);
          if (index < 0) return doc;
          const next = fn(doc.nodes[index]!);
          if (next === doc.nodes[index]) return doc;
          const nodes = doc.nodes.slice();
          nodes[index] = next;
          return { ...doc, nodes };
        });
      return {
        document: createDefaultDocument(),
        replaceDocument: (document) => set({ document }),
        addNode: (kind, position, label) => {
          const id = uniqueId(kind.toLowerCase(), takenIds(get().document));
          const node = { id, kind, label, position, config: nodeConfigSchemas[kind].parse({}) } as ArchNode;
          update((doc) => ({ ...doc, nodes: [...doc.nodes, node] }));
          return id;
        },
        renameNode: (id, label) => mapNode(id, (n) => (n.label === label ? n : { ...n, label })),
        setNodeConfig: (id, config) => mapNode(id, (n) => ({ ...n, config }) as ArchNode),
        moveNodes: (moves) => {
          const byId = new Map(moves.map((m) => [m.id, m.position]));
          update((doc) => {
            let changed = false;
            const nodes = doc.nodes.map((n) => {
              const p = byId.get(n.id);
              if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
              changed = true;
              return { ...n, position: { x: p.x, y: p.y } };
            });
            return changed ? { ...doc, nodes } : doc;
          });
        },
        link: (source, target) => {
          const result = linkNodes(get().document, source, target);
          if (result.ok) set({ document: result.document });
          return result;
        },
        setEdgeConfig: (id, config) =>
          update((doc) => ({ ...doc, edges: doc.edges.map((e) => (e.id === id ? { ...e, config } : e)) })),
        applyChange: (change) => update((doc) => applyChange(doc, change)),
        removeElements: (nodeIds, edgeIds) => {
          const nodeSet = new Set(nodeIds);
          const edgeSet = new Set(edgeIds);
          update((doc) => {
            const nodes = doc.nodes.filter((n) => !nodeSet.has(n.id));
            const edges = doc.edges.filter(
              (e) => !edgeSet.has(e.id) && !nodeSet.has(e.source) && !nodeSet.has(e.target),
            );
            if (nodes.length === doc.nodes.length && edges.length === doc.edges.length) return doc;
            return scrubReferences({ ...doc, nodes, edges }, nodeSet);
          });
        },
        pasteFragment: (fragment, offset) => {
          const copy = cloneFragment(fragment, takenIds(get().document), offset);
          if (copy.nodes.length === 0) return copy;
          update((doc) => ({
            ...doc,
            nodes: [...doc.nodes, ...copy.nodes],
            edges: [...doc.edges, ...copy.edges],
          }));
          return copy;
        },
        setMeta: (meta) =>
          update((doc) => {
            const name = meta.name ?? doc.name;
            const description = meta.description ?? doc.description;
            return name === doc.name && description === doc.description ? doc : { ...doc, name, description };
          }),
        setScenario: (scenario) => update((doc) => ({ ...doc, scenario })),
      };
    },
    {
      partialize: (state): Tracked => ({ document: state.document }),
      equality: (a, b) => a.document === b.document,
      limit: 200,
    },
  ),
);

/** Loads a document without an undo step and forgets history (start-up, restore). */
export function loadDocumentFresh(document: ArchDocument): void {
  documentStore.setState({ document });
  documentStore.temporal.getState().clear();
}

export const undo = (): void => documentStore.temporal.getState().undo();
export const redo = (): void => documentStore.temporal.getState().redo();

export const selectDocument = (s: DocumentState): ArchDocument => s.document;
export const selectNodes = (s: DocumentState): ArchNode[] => s.document.nodes;
export const selectEdges = (s: DocumentState): ArchEdge[] => s.document.edges;
export const selectName = (s: DocumentState): string => s.document.name;

export function useDocumentStore<T>(selector: (s: DocumentState) => T): T {
  return useStore(documentStore, selector);
}

const selectCanUndo = (s: { pastStates: unknown[] }) => s.pastStates.length > 0;
const selectCanRedo = (s: { futureStates: unknown[] }) => s.futureStates.length > 0;
export const useCanUndo = (): boolean => useStore(documentStore.temporal, selectCanUndo);
export const useCanRedo = (): boolean => useStore(documentStore.temporal, selectCanRedo);
