import type { ValidationIssue } from './issues';
import type { JsonObject } from './migrations';
import { type NodeKind, type SloMetric, SYSTEM_TARGET, scenarioSchema, sloSchema } from './schema';

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Node kinds whose backlog is a consumer lag: a bus's unacknowledged messages, a read model's unprojected events. */
const LAG_KINDS: readonly NodeKind[] = ['eventBus', 'readModel'];

/**
 * Checks what the SLO schema cannot: unique SLO ids, targets that exist, metrics that the target
 * has (a breaker's open time needs an edge, a consumer lag a bus or read model), and windows that lie
 * within the run and end after its warm-up.
 */
export function checkSlos(
  rawScenario: unknown,
  nodeKinds: ReadonlyMap<string, NodeKind | undefined>,
  edgeIds: ReadonlySet<string>,
): ValidationIssue[] {
  const rawSlos = isObject(rawScenario) ? rawScenario.slos : undefined;
  if (!Array.isArray(rawSlos)) return [];
  const scenario = scenarioSchema.safeParse(rawScenario);
  const durationSec = scenario.success ? scenario.data.durationSec : undefined;
  const warmupSec = scenario.success ? scenario.data.warmupSec : 0;
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  rawSlos.forEach((rawSlo, i) => {
    const parsed = sloSchema.safeParse(rawSlo);
    if (!parsed.success) return;
    const slo = parsed.data;
    const path = `scenario.slos[${i}]`;
    const first = seen.get(slo.id);
    if (first !== undefined) {
      issues.push({
        path: `${path}.id`,
        message: `duplicate SLO id "${slo.id}" (also used by scenario.slos[${first}])`,
      });
    } else seen.set(slo.id, i);
    const targetProblem = checkTarget(slo.target, slo.metric, nodeKinds, edgeIds);
    if (targetProblem !== null) issues.push({ path: `${path}.target`, message: targetProblem });
    if (durationSec === undefined) return;
    if (slo.fromSec !== undefined && slo.fromSec >= durationSec) {
      issues.push({
        path: `${path}.fromSec`,
        message: `must be less than durationSec (${durationSec}), got ${slo.fromSec}`,
      });
    }
    if (slo.toSec !== undefined && slo.toSec > durationSec) {
      issues.push({
        path: `${path}.toSec`,
        message: `must be at most durationSec (${durationSec}), got ${slo.toSec}`,
      });
    } else if (slo.toSec !== undefined && slo.toSec <= warmupSec) {
      issues.push({
        path: `${path}.toSec`,
        message: `must be after the warm-up (warmupSec ${warmupSec}), got ${slo.toSec}: nothing is measured before it`,
      });
    }
  });
  return issues;
}

function checkTarget(
  target: string,
  metric: SloMetric,
  nodeKinds: ReadonlyMap<string, NodeKind | undefined>,
  edgeIds: ReadonlySet<string>,
): string | null {
  const isNode = nodeKinds.has(target);
  const isEdge = edgeIds.has(target);
  if (target !== SYSTEM_TARGET && !isNode && !isEdge) {
    return `no node or edge with id "${target}" (or use "${SYSTEM_TARGET}" for every client together)`;
  }
  if (metric === 'breakerOpenMs' && !isEdge)
    return `breakerOpenMs is measured on an edge, and "${target}" is not one`;
  if (metric === 'consumerLag') {
    const kind = nodeKinds.get(target);
    if (kind === undefined || !LAG_KINDS.includes(kind)) {
      return `consumerLag is measured on an event bus or a read model, and "${target}" is neither`;
    }
  }
  return null;
}
