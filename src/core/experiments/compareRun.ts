import {
  compareMetrics,
  compareSlos,
  type MetricComparison,
  type SloComparison,
  type StructureDiff,
  structureDiff,
} from './compare';
import type { ArchDocument } from './coreApi';
import { replicationSeed } from './experiment';
import { sloVerdicts, type TaskRecord } from './records';
import type { ReplicaTask } from './replica';

/** What `compare --json` prints. */
export interface CompareJson {
  structure: StructureDiff;
  metrics: Record<string, MetricComparison>;
  slos: SloComparison[];
}

/** How a comparison runs: the seeds, the metric prefixes kept, and the host that runs tasks. */
export interface CompareOptions {
  seed?: number;
  replications: number;
  metrics: readonly string[];
  /** Runs tasks (in any way) and returns their records in task order. */
  run(tasks: ReplicaTask[]): Promise<TaskRecord[]>;
}

/**
 * Runs A and B over the same seeds (common random numbers: the same arrivals where the designs
 * agree, so the difference shows the design, not the luck of the draw) and compares them.
 */
export async function compareDocuments(
  a: ArchDocument,
  b: ArchDocument,
  options: CompareOptions,
): Promise<CompareJson> {
  const seed = options.seed ?? a.scenario.seed;
  const n = options.replications;
  const tasks: ReplicaTask[] = [];
  for (const [p, document] of [a, b].entries()) {
    for (let r = 0; r < n; r++) tasks.push({ index: p * n + r, document, seed: replicationSeed(seed, r) });
  }
  const records = await options.run(tasks);
  const ra = records.slice(0, n);
  const rb = records.slice(n);
  const keep = (path: string) =>
    options.metrics.length === 0 || options.metrics.some((p) => path === p || path.startsWith(`${p}.`));
  return {
    structure: structureDiff(a, b),
    metrics: compareMetrics(ra, rb, keep),
    slos: compareSlos(sloVerdicts(a.scenario.slos ?? [], ra), sloVerdicts(b.scenario.slos ?? [], rb)),
  };
}
