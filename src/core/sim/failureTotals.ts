import {
  CAUSE,
  CAUSE_COUNT,
  type CauseName,
  FAILURE_CAUSES,
  type SomeCauseCounts,
  someCauses,
} from '../metrics/failureCause';
import type { World } from './world';

/** Failures by cause: every cause of the closed list, in code order, zeros included. */
type CauseCounts = Record<CauseName, number>;

/**
 * The run's failures by cause: end to end at the clients (`byCause`, which sums to
 * `requests.failed`), and the failures each node answered and each edge's calls ended with (only
 * those with failures, only their causes).
 */
export interface FailuresSummary {
  byCause: CauseCounts;
  byNode: Record<string, SomeCauseCounts>;
  byEdge: Record<string, SomeCauseCounts>;
}

/** Sums the clients' failures by cause code (the system's failures, as its clients count them). */
function clientFailuresByCause(world: World): Float64Array {
  const sum = new Float64Array(CAUSE_COUNT);
  for (const node of world.nodes) {
    if (node.kind !== 'client') continue;
    const counts = node.stats.failedByCause;
    for (let code = 0; code < CAUSE_COUNT; code++) sum[code]! += counts[code]!;
  }
  return sum;
}

/** Builds the summary's `failures` section. Maps are null-prototype objects, so any id is a plain key. */
export function failuresSummary(world: World): FailuresSummary {
  const clients = clientFailuresByCause(world);
  const byCause = {} as CauseCounts;
  FAILURE_CAUSES.forEach((name, i) => {
    byCause[name] = clients[i + 1]!;
  });
  const byNode: Record<string, SomeCauseCounts> = Object.create(null);
  for (const node of world.nodes) {
    const counts = someCauses(node.stats.failedByCause);
    if (counts) byNode[node.id] = counts;
  }
  const byEdge: Record<string, SomeCauseCounts> = Object.create(null);
  for (const link of world.links) {
    const counts = someCauses(link.stats.failedByCause);
    if (counts) byEdge[link.id] = counts;
  }
  return { byCause, byNode, byEdge };
}

function total(counts: Float64Array): number {
  let n = 0;
  for (let code = 0; code < CAUSE_COUNT; code++) n += counts[code]!;
  return n;
}

/**
 * Every failure has a cause: per node and per edge the failures by cause sum to the failures, and
 * none of them is unattributed (`none`); end to end, the clients' causes sum to the failed requests.
 */
export function checkFailureCauses(world: World): string[] {
  const violations: string[] = [];
  const check = (what: string, counts: Float64Array, failed: number) => {
    if (total(counts) !== failed)
      violations.push(`${what}: failures by cause (${total(counts)}) != failed (${failed})`);
    if (counts[CAUSE.none]! > 0) violations.push(`${what}: ${counts[CAUSE.none]} failures carry no cause`);
  };
  let failed = 0;
  for (const node of world.nodes) {
    check(`node ${node.id}`, node.stats.failedByCause, node.stats.failed);
    if (node.kind === 'client') failed += node.stats.failed;
  }
  for (const link of world.links) check(`edge ${link.id}`, link.stats.failedByCause, link.stats.failed);
  const clients = clientFailuresByCause(world);
  if (total(clients) - clients[CAUSE.none]! !== failed)
    violations.push(
      `overall: failures by cause (${total(clients) - clients[CAUSE.none]!}) != requests failed (${failed})`,
    );
  return violations;
}
