/** Test builders for runs (a *.testkit.ts file: for tests only; lint keeps it out of production code). */
import type { NodeKind } from '../kinds/nodeKinds';
import { type ArchDocument, DOCUMENT_VERSION, documentSchema } from '../model/schema';
import type { NodeSummary, RunSummary } from './summary';

/** Loose input for {@link buildDocument}: nodes and edges without the fields the schema defaults. */
export interface DocumentSketch {
  nodes: { id: string; kind: string; config?: Record<string, unknown> }[];
  edges?: { id?: string; source: string; target: string; kind?: string; config?: Record<string, unknown> }[];
  scenario?: Record<string, unknown>;
}

/**
 * Builds a validated document from a compact sketch (labels, positions and edge ids filled in), so
 * tests describe topologies in a few lines and still go through the schema.
 */
export function buildDocument(sketch: DocumentSketch): ArchDocument {
  return documentSchema.parse({
    format: 'archplay',
    version: DOCUMENT_VERSION,
    name: 'sketch',
    nodes: sketch.nodes.map((n, i) => ({
      id: n.id,
      kind: n.kind,
      label: n.id,
      position: { x: i * 200, y: 0 },
      config: n.config ?? {},
    })),
    edges: (sketch.edges ?? []).map((e) => ({
      id: e.id ?? `${e.source}-${e.target}`,
      source: e.source,
      target: e.target,
      kind: e.kind ?? 'sync',
      config: e.config ?? {},
    })),
    scenario: sketch.scenario ?? {},
  });
}

/** Shorthand for a constant distribution. */
export const constant = (ms: number) => ({ kind: 'constant', ms }) as const;
/** Shorthand for an exponential distribution. */
export const exponential = (meanMs: number) => ({ kind: 'exponential', meanMs }) as const;

/** The summary entry of node `id`, which must be of `kind`: a test reads its kind's section typed. */
export function entryOf<K extends NodeKind>(
  summary: RunSummary,
  id: string,
  kind: K,
): Extract<NodeSummary, { kind: K }> {
  const entry = summary.nodes[id];
  if (!entry || !isOfKind(entry, kind)) throw new Error(`the summary has no ${kind} node "${id}"`);
  return entry;
}

function isOfKind<K extends NodeKind>(
  entry: NodeSummary,
  kind: K,
): entry is Extract<NodeSummary, { kind: K }> {
  return entry.kind === kind;
}
