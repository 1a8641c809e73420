import { CAUSE_INFO, type SomeCauseCounts, someCauses } from '../metrics/failureCause';
import type { World } from './world';

/** Length of one series point. */
const TICK_MS = 1000;

/** Schedules the per-second metrics tick for the whole run. */
export function scheduleTicks(world: World): void {
  if (TICK_MS <= world.options.durationMs) world.sim.scheduleAt(TICK_MS, tick, world);
}

/** How a second's failures read in the event log: "8 timeout, 4 queue full", most first. */
function causesInWords(causes: SomeCauseCounts): string {
  return (Object.entries(causes) as [keyof typeof CAUSE_INFO, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${n} ${CAUSE_INFO[name].label}`)
    .join(', ');
}

/**
 * Closes the second for every node and edge (one series point each, O(nodes + edges)) and logs one
 * summary line per node with errors (with their causes) and per edge with timeouts, so the event log
 * stays readable and bounded however many requests fail.
 */
function tick(world: World): void {
  const now = world.sim.now;
  for (const node of world.nodes) {
    const s = node.stats;
    if (s.secErrors > 0) {
      const causes = someCauses(s.secFailedByCause) ?? {};
      world.log.append(
        now,
        'errors',
        'warn',
        node.id,
        `${node.id}: ${s.secErrors} of ${s.secResponses} responses failed in the last second (${causesInWords(causes)})`,
        causes,
      );
    }
    s.closeSecond(now, node.queueDepth(), node.inFlight());
  }
  for (const link of world.links) {
    const s = link.stats;
    if (s.secTimeouts > 0) {
      world.log.append(
        now,
        'timeouts',
        'warn',
        link.source.id,
        `${link.id}: ${s.secTimeouts} calls timed out in the last second`,
      );
    }
    s.closeSecond(now);
  }
  if (now + TICK_MS <= world.options.durationMs) world.sim.scheduleAt(now + TICK_MS, tick, world);
}
