import { assumedClient, type Entry } from '../assumedClient';
import type { ArchEdge, ArchNode } from '../core';
import { finishImport } from '../finish';
import { IdMaker } from '../ids';
import { layeredPositions } from '../layout';
import { merge } from '../overlay';
import { asArray, asObject, asString, type ImportResult } from '../types';
import { yamlDocuments, yamlValue } from '../yamlRead';
import { ANNOTATION_DOCUMENT, OVERLAY_KEY } from './configMaps';
import { blankEdgeConfig, blankNode, edgeKey, parsedEdge, parsedNode } from './derive';
import { ANNOTATION_ID } from './meta';
import { readSkeleton } from './read';
import { type RawEdge, type RawNode, type ReadObject, readObject } from './skeleton';

type Node = ArchNode | RawNode;
type Edge = ArchEdge | RawEdge;

/** Rate of the client an import assumes when the objects name no traffic. */
const ASSUMED_RATE_PER_SEC = 10;

/** Every object of a multi-document YAML (a `List` opened up), or the parse errors. */
function parseObjects(text: string): { objects: ReadObject[]; errors: string[]; ignored: string[] } {
  const ignored: string[] = [];
  const parsed = yamlDocuments(text);
  const values: unknown[] = [];
  for (const value of parsed.values) {
    if (value === null || value === undefined) continue;
    const list = asObject(value);
    if (list?.kind === 'List') values.push(...asArray(list.items));
    else values.push(value);
  }
  const objects: ReadObject[] = [];
  for (const [i, value] of values.entries()) {
    const object = readObject(value, i);
    if (object === null)
      ignored.push(`document ${i + 1}: not a Kubernetes object (apiVersion, kind and metadata.name)`);
    else objects.push(object);
  }
  return { objects, errors: parsed.errors, ignored };
}

/** The overlay in an archplay ConfigMap, or an error line. */
function overlayOf(o: ReadObject): { value?: Record<string, unknown>; error?: string } {
  const text = asString(asObject(o.raw.data)?.[OVERLAY_KEY]);
  if (text === undefined) return {};
  const { value, error } = yamlValue(text);
  if (error !== undefined) return { error: `${o.where}.data.${OVERLAY_KEY}: ${error}` };
  const object = asObject(value);
  if (object === null) return { error: `${o.where}.data.${OVERLAY_KEY}: expected a mapping` };
  return { value: object };
}

/** Puts nodes and edges in the order the document ConfigMap lists, others after, as they came. */
function ordered<T extends { id: string }>(items: T[], order: unknown): T[] {
  const rank = new Map(asArray(order).map((id, i) => [String(id), i]));
  return items
    .map((item, i) => ({ item, key: rank.get(item.id) ?? rank.size + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

class Assembly {
  readonly nodes = new Map<string, Node>();
  readonly edges = new Map<string, Edge>();

  constructor(skeleton: { nodes: RawNode[]; edges: RawEdge[] }) {
    for (const raw of skeleton.nodes) this.nodes.set(raw.id, parsedNode(raw) ?? raw);
    for (const raw of skeleton.edges) {
      const edge = parsedEdge(raw) ?? raw;
      this.edges.set(edgeKey(edge), edge);
    }
  }

  applyNode(id: string, overlay: Record<string, unknown>, where: string, ignored: string[]): void {
    const { kind, links, ...fields } = overlay;
    const base = this.nodes.get(id) ?? (typeof kind === 'string' ? blankNode(id, kind) : null);
    if (base === null) {
      ignored.push(`${where}: node "${id}" is in no object and names no kind`);
      return;
    }
    const merged = merge(
      { label: base.label, position: base.position, config: base.config },
      fields,
    ) as object;
    this.nodes.set(id, { ...base, ...merged } as Node);
    for (const link of asArray(links)) {
      const l = asObject(link) ?? {};
      const target = String(l.target);
      const edgeKind = String(l.kind ?? 'sync');
      const key = edgeKey({ source: id, target, kind: edgeKind });
      const edge = this.edges.get(key);
      const config = merge(edge?.config ?? blankEdgeConfig(), l.config) as Record<string, unknown>;
      this.edges.set(key, { id: String(l.id ?? edge?.id), source: id, target, kind: edgeKind, config });
    }
  }
}

/**
 * Reads Kubernetes + Istio YAML into a design: what the objects say (see `readSkeleton`), then the
 * archplay ConfigMaps an export wrote, which restore the rest exactly. Without them (objects from a
 * real cluster) the design gets canvas positions and a client calling its entry points, both
 * reported as assumed, since Kubernetes does not record who calls whom.
 */
export function importK8s(text: string): ImportResult {
  const parsed = parseObjects(text);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  const assumed: string[] = [];
  const ignored = [...parsed.ignored];
  const skeleton = readSkeleton(parsed.objects, assumed, ignored);
  const assembly = new Assembly(skeleton);
  const errors: string[] = [];
  let documentFields: Record<string, unknown> | undefined;
  for (const o of parsed.objects.filter((x) => x.kind === 'ConfigMap')) {
    const { value, error } = overlayOf(o);
    if (error !== undefined) errors.push(error);
    if (value === undefined) continue;
    if (o.annotations[ANNOTATION_DOCUMENT] === 'true') documentFields = value;
    else if (o.annotations[ANNOTATION_ID] !== undefined)
      assembly.applyNode(o.annotations[ANNOTATION_ID], value, o.where, ignored);
  }
  if (errors.length > 0) return { ok: false, errors };
  const removed = asObject(documentFields?.removed) ?? {};
  for (const id of asArray(removed.nodes)) assembly.nodes.delete(String(id));
  for (const [key, edge] of assembly.edges)
    if (asArray(removed.edges).includes(edge.id)) assembly.edges.delete(key);
  const nodes: Node[] = ordered([...assembly.nodes.values()], documentFields?.nodes);
  const edges: Edge[] = ordered([...assembly.edges.values()], documentFields?.edges);
  if (documentFields === undefined) {
    assumed.push(
      'no archplay ConfigMaps: no call links between services (Kubernetes does not record who calls whom)',
    );
    addTraffic(nodes, edges, assumed);
  }
  if (nodes.length === 0)
    return { ok: false, errors: ['(root): no Deployment, Gateway or archplay ConfigMap to import'] };
  return finishImport(
    {
      name: asString(documentFields?.name) ?? 'Imported from Kubernetes',
      description: asString(documentFields?.description) ?? '',
      nodes,
      edges,
      scenario: documentFields?.scenario,
    },
    assumed,
    ignored,
  );
}

/** A client calling the entry points of a design read from a real cluster, and positions for all. */
function addTraffic(nodes: Node[], edges: Edge[], assumed: string[]): void {
  const ids = new IdMaker();
  for (const n of nodes) ids.reserve(n.id);
  for (const e of edges) ids.reserve(e.id);
  const targeted = new Set(edges.map((e) => e.target));
  const gateways = nodes.filter((n) => n.kind === 'gateway');
  const entries: Entry[] =
    gateways.length > 0
      ? gateways.map((g) => ({
          id: g.id,
          paths: asArray(asObject(g.config)?.routes).map((r) => asString(asObject(r)?.pathPrefix) ?? '/'),
        }))
      : nodes
          .filter((n) => (n.kind === 'service' || n.kind === 'proxy') && !targeted.has(n.id))
          .filter((n) => !nodes.some((p) => p.kind === 'proxy' && asObject(p.config)?.attachedTo === n.id))
          .map((n) => ({ id: n.id, paths: ['/'] }));
  const client = assumedClient(
    entries.filter((e) => e.paths.length > 0),
    ids,
    ASSUMED_RATE_PER_SEC,
  );
  if (client !== null) {
    nodes.unshift(client.node as unknown as RawNode);
    edges.unshift(...(client.edges as unknown as RawEdge[]));
    assumed.push(
      `a client "${client.node.id}" sends ${ASSUMED_RATE_PER_SEC} requests/s to ${entries.map((e) => e.id).join(', ')}`,
    );
  }
  const positions = layeredPositions(
    nodes.map((n) => n.id),
    edges,
  );
  for (const n of nodes) n.position = positions.get(n.id)!;
}
