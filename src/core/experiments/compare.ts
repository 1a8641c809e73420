import { type ArchDocument, round3 } from './coreApi';
import { welchDifference } from './intervals';
import { type SloVerdict, samplesByPath, type TaskRecord } from './records';

/** Structural differences between two documents, as `nodes.<id>`, `edges.<id>` and `scenario` entries. */
export interface StructureDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/** What a node or edge does, without where it is drawn or what it is called on the canvas. */
function behaviour(entry: object): string {
  const { position: _p, label: _l, ...rest } = entry as Record<string, unknown>;
  return JSON.stringify(rest);
}

/**
 * Nodes and edges added, removed or changed from `a` to `b` (matched by id; moving or relabelling
 * is not a change), and `scenario` when the scenario differs in anything but its seed.
 */
export function structureDiff(a: ArchDocument, b: ArchDocument): StructureDiff {
  const diff: StructureDiff = { added: [], removed: [], changed: [] };
  const compareLists = (kind: 'nodes' | 'edges') => {
    const before = new Map<string, string>(a[kind].map((e) => [e.id, behaviour(e)]));
    const after = new Map<string, string>(b[kind].map((e) => [e.id, behaviour(e)]));
    for (const [id, text] of after) {
      if (!before.has(id)) diff.added.push(`${kind}.${id}`);
      else if (before.get(id) !== text) diff.changed.push(`${kind}.${id}`);
    }
    for (const id of before.keys()) if (!after.has(id)) diff.removed.push(`${kind}.${id}`);
  };
  compareLists('nodes');
  compareLists('edges');
  const { seed: _a, ...scenarioA } = a.scenario;
  const { seed: _b, ...scenarioB } = b.scenario;
  if (JSON.stringify(scenarioA) !== JSON.stringify(scenarioB)) diff.changed.push('scenario');
  return diff;
}

/** One metric in both runs: the means, B - A, Welch's 95 % interval of it, and its significance. */
export interface MetricComparison {
  a: number;
  b: number;
  delta: number;
  ci95: [number, number] | null;
  significant: boolean;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Every metric path that both sides report, in A's order, compared with Welch's t-test. */
export function compareMetrics(
  a: readonly TaskRecord[],
  b: readonly TaskRecord[],
  keep: (path: string) => boolean = () => true,
): Record<string, MetricComparison> {
  const sa = samplesByPath(a);
  const sb = samplesByPath(b);
  const out: Record<string, MetricComparison> = {};
  for (const [path, xa] of sa) {
    const xb = sb.get(path);
    if (xb === undefined || !keep(path)) continue;
    const d = welchDifference(xa, xb);
    out[path] = {
      a: round3(mean(xa)),
      b: round3(mean(xb)),
      delta: round3(d.delta),
      ci95: d.ci95 === null ? null : [round3(d.ci95[0]), round3(d.ci95[1])],
      significant: d.significant,
    };
  }
  return out;
}

/** An SLO of either document, judged on each side that declares it. */
export interface SloComparison {
  id: string;
  a: SloVerdict | null;
  b: SloVerdict | null;
}

/** The SLOs of A then those only B declares, each with both sides' verdicts. */
export function compareSlos(a: readonly SloVerdict[], b: readonly SloVerdict[]): SloComparison[] {
  const ids = [...new Set([...a.map((s) => s.id), ...b.map((s) => s.id)])];
  return ids.map((id) => ({
    id,
    a: a.find((s) => s.id === id) ?? null,
    b: b.find((s) => s.id === id) ?? null,
  }));
}
