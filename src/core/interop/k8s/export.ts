import YAML from 'yaml';
import type { ArchDocument, ArchEdge, ArchNode } from '../core';
import { DocIndex } from '../docIndex';
import { overlayOf } from '../overlay';
import type { ExportResult } from '../types';
import { documentConfigMap, overlayConfigMap, resilience4jText } from './configMaps';
import { blankEdgeConfig, blankNode, edgeKey, parsedEdge, parsedNode } from './derive';
import { gatewayObjects, proxyObjects } from './mesh';
import type { K8sContext, K8sObject } from './meta';
import { readSkeleton } from './read';
import { readObject } from './skeleton';
import { serviceWorkload } from './workloads';

/** Options of the Kubernetes export. */
export interface K8sExportOptions {
  /** Namespace of every object and of the SPIFFE principals; default `default`. */
  namespace?: string;
  /** Image registry prefix of the placeholder images; default `registry.example.com/archplay`. */
  registry?: string;
}

/** The Kubernetes and Istio objects of a document, in document order. */
function workloadObjects(doc: ArchDocument, ctx: K8sContext): K8sObject[] {
  const index = new DocIndex(doc);
  const sidecars = index.sidecars();
  const claimed = new Set<string>();
  const objects: K8sObject[] = [];
  for (const node of doc.nodes) {
    if (node.kind === 'service') objects.push(...serviceWorkload(node, sidecars.get(node.id)?.id, ctx));
    else if (node.kind === 'gateway') objects.push(...gatewayObjects(node, index, ctx));
    else if (node.kind === 'proxy' && sidecars.get(node.config.attachedTo ?? '') === node) {
      objects.push(...proxyObjects(node, node.config.attachedTo!, index, ctx, claimed));
    }
  }
  return objects;
}

interface Derived {
  nodes: Map<string, ArchNode>;
  edges: Map<string, ArchEdge>;
}

/** What the import reads back from `objects` alone, with defaults filled in. */
function derive(objects: readonly K8sObject[]): Derived {
  const read = objects.map((o, i) => readObject(JSON.parse(JSON.stringify(o)), i)!);
  const skeleton = readSkeleton(read, [], []);
  const nodes = new Map<string, ArchNode>();
  for (const raw of skeleton.nodes) {
    const node = parsedNode(raw);
    if (node !== null) nodes.set(node.id, node);
  }
  const edges = new Map<string, ArchEdge>();
  for (const raw of skeleton.edges) {
    const edge = parsedEdge(raw);
    if (edge !== null) edges.set(edgeKey(edge), edge);
  }
  return { nodes, edges };
}

const nodeFields = (n: ArchNode) => ({ label: n.label, position: n.position, config: n.config });

/** The overlay of one node: its fields the objects do not give, and its outgoing links. */
function nodeOverlay(node: ArchNode, edges: readonly ArchEdge[], derived: Derived): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const base = derived.nodes.get(node.id);
  if (base === undefined) out.kind = node.kind;
  const fields = overlayOf(nodeFields(node), nodeFields(base ?? blankNode(node.id, node.kind)!));
  if (fields !== undefined) Object.assign(out, fields);
  const links = edges.map((edge) => {
    const link: Record<string, unknown> = { id: edge.id, target: edge.target, kind: edge.kind };
    const config = overlayOf(edge.config, derived.edges.get(edgeKey(edge))?.config ?? blankEdgeConfig());
    if (config !== undefined) link.config = config;
    return link;
  });
  const unchanged = (l: Record<string, unknown>) => {
    const e = derived.edges.get(edgeKey({ source: node.id, target: String(l.target), kind: String(l.kind) }));
    return e !== undefined && e.id === l.id && l.config === undefined;
  };
  if (!links.every(unchanged)) out.links = links;
  return out;
}

/**
 * The document as one multi-document Kubernetes YAML: workload and Istio objects first, then one
 * commented ConfigMap per node with what those objects cannot say (computed by reading the objects
 * back, so nothing is dropped and nothing is said twice), then the document's own ConfigMap.
 */
export function exportK8s(doc: ArchDocument, options: K8sExportOptions = {}): ExportResult {
  const registry = options.registry ?? 'registry.example.com/archplay';
  const ctx: K8sContext = {
    namespace: options.namespace ?? 'default',
    image: (name, version) => `${registry}/${name}:${version}`,
  };
  const objects = workloadObjects(doc, ctx);
  const derived = derive(objects);
  const index = new DocIndex(doc);
  const notes: string[] = [];
  const maps: K8sObject[] = [];
  for (const node of doc.nodes) {
    const edges = index.edgesFrom(node.id);
    const overlay = nodeOverlay(node, edges, derived);
    const breakers = edges.flatMap((e) =>
      e.config.breaker?.enabled ? [{ target: e.target, breaker: e.config.breaker }] : [],
    );
    const extra: Record<string, string> =
      breakers.length > 0 ? { 'resilience4j.yaml': resilience4jText(breakers) } : {};
    if (Object.keys(overlay).length > 0 || breakers.length > 0)
      maps.push(overlayConfigMap(node.id, overlay, extra, ctx));
    if (overlay.kind !== undefined)
      notes.push(`${node.id}: a ${node.kind} has no Kubernetes object; kept in a ConfigMap`);
  }
  const ids = new Set(doc.nodes.map((n) => n.id));
  const removedNodes = [...derived.nodes.keys()].filter((id) => !ids.has(id));
  const edgeKeys = new Set(doc.edges.map(edgeKey));
  const removedEdges = [...derived.edges.entries()].filter(([k]) => !edgeKeys.has(k)).map(([, e]) => e.id);
  const fields: Record<string, unknown> = {
    name: doc.name,
    description: doc.description,
    scenario: doc.scenario,
    nodes: doc.nodes.map((n) => n.id),
    edges: doc.edges.map((e) => e.id),
  };
  if (removedNodes.length > 0 || removedEdges.length > 0)
    fields.removed = { nodes: removedNodes, edges: removedEdges };
  maps.push(documentConfigMap(fields, ctx));
  // Literal blocks, never folded, so the ConfigMaps' embedded YAML keeps its comments line by line.
  const text = [...objects, ...maps]
    .map((o) => new YAML.Document(o).toString({ lineWidth: 0, blockQuote: 'literal' }))
    .join('---\n');
  const base = doc.name.trim() === '' ? 'archplay' : doc.name;
  return { files: [{ name: `${fileStem(base)}.k8s.yaml`, text }], notes };
}

/** A file name stem from a document name: lower case, words joined by `-`. */
export function fileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'archplay' : stem;
}
