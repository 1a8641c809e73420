import type { CompareJson, TaskRecord } from '../../core/experiments';
import { meanInterval } from '../../core/experiments/intervals';
import type { ArchDocument } from '../../core/model/schema';

/** A design to compare, with the name the panel shows for it. */
export interface NamedDocument {
  name: string;
  document: ArchDocument;
}

/** A finished comparison: both designs, what `archplay compare --json` prints, and each side's records. */
export interface CompareOutcome {
  a: NamedDocument;
  b: NamedDocument;
  replications: number;
  result: CompareJson;
  records: { a: TaskRecord[]; b: TaskRecord[] };
}

/** The per-node numbers a comparison reports (its `--metric` paths); the run's request counts too. */
export const COMPARE_FIELDS = [
  ['latencyMs.p99', 'p99 latency', 'ms'],
  ['latencyMs.mean', 'mean latency', 'ms'],
  ['errorRate', 'error rate', ''],
  ['throughputPerSec', 'throughput', '/s'],
  ['utilization', 'utilisation', ''],
] as const;
export type CompareField = (typeof COMPARE_FIELDS)[number][0];

/** The metric paths a comparison of `a` and `b` keeps: requests, and each node's fields (A's nodes first). */
export function compareMetricPaths(a: ArchDocument, b: ArchDocument): string[] {
  const ids = [...new Set([...a.nodes, ...b.nodes].map((n) => n.id))];
  return ['requests', ...ids.flatMap((id) => COMPARE_FIELDS.map(([field]) => `nodes.${id}.${field}`))];
}

/** One node in the overlaid chart: each side's mean and the half-width of its 95 % interval. */
export interface CompareBar {
  node: string;
  a: number | null;
  aError: number;
  b: number | null;
  bError: number;
}

function side(records: readonly TaskRecord[], path: string): { mean: number | null; error: number } {
  const xs = records.map((r) => r.metrics[path]).filter((x): x is number => x !== undefined);
  if (xs.length === 0) return { mean: null, error: 0 };
  const { mean, ci95 } = meanInterval(xs);
  return { mean, error: ci95 === null ? 0 : (ci95[1] - ci95[0]) / 2 };
}

/**
 * Each node of either design (A's first) with `field` on both sides; a side without the node has
 * none, and a node neither side measures (a registry's latency) is left out.
 */
export function compareBars(outcome: CompareOutcome, field: CompareField): CompareBar[] {
  const ids = [...new Set([...outcome.a.document.nodes, ...outcome.b.document.nodes].map((n) => n.id))];
  return ids.flatMap((node) => {
    const a = side(outcome.records.a, `nodes.${node}.${field}`);
    const b = side(outcome.records.b, `nodes.${node}.${field}`);
    if (a.mean === null && b.mean === null) return [];
    return [{ node, a: a.mean, aError: a.error, b: b.mean, bError: b.error }];
  });
}
