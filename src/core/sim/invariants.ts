import { checkFailureCauses } from './failureTotals';
import { clientRequests } from './requestTotals';
import type { World } from './world';

/** Result of checking the run's invariants. */
export interface InvariantReport {
  ok: boolean;
  violations: string[];
}

/** An extra invariant (e.g. stock conservation); returns one message per violation. */
export type InvariantCheck = (world: World) => string[];

/**
 * Checks conservation at any moment: per node, requests in = completed + failed + in flight, with
 * in flight counted from the node's own queues and slots (not derived from the other counters);
 * overall the same over client requests; per edge, attempts = calls - rejected + retries; and every
 * failure has a cause (the failures by cause sum to the failures, per node, per edge and overall).
 */
export function checkInvariants(world: World, extra: readonly InvariantCheck[] = []): InvariantReport {
  const violations: string[] = [];
  for (const node of world.nodes) {
    const s = node.stats;
    const held = node.inFlight();
    if (s.arrived !== s.completed + s.failed + held || held < 0) {
      violations.push(
        `node ${node.id}: requests in (${s.arrived}) != completed (${s.completed}) + failed (${s.failed}) + in flight (${held})`,
      );
    }
  }
  const { total, ok, failed, inFlight } = clientRequests(world);
  if (total !== ok + failed + inFlight) {
    violations.push(
      `overall: requests (${total}) != ok (${ok}) + failed (${failed}) + in flight (${inFlight})`,
    );
  }
  for (const link of world.links) {
    const s = link.stats;
    if (s.attempts !== s.calls - s.rejected + s.retries) {
      violations.push(
        `edge ${link.id}: attempts (${s.attempts}) != calls (${s.calls}) - rejected (${s.rejected}) + retries (${s.retries})`,
      );
    }
    if (s.inFlight < 0 || s.inFlight > s.calls)
      violations.push(`edge ${link.id}: ${s.inFlight} calls in flight of ${s.calls}`);
  }
  violations.push(...checkFailureCauses(world));
  for (const check of extra) violations.push(...check(world));
  return { ok: violations.length === 0, violations };
}
