import type { RunSummary } from '../core';

const ms = (x: number) => `${x.toFixed(1)} ms`;

/**
 * The event-driven part of the human-readable summary: the create-order saga's outcomes (placed,
 * confirmed, failed by reason, notifications), each read model's lag behind its store and each
 * bus consumer group's lag; empty when the diagram has none of them.
 */
export function eventLines(s: RunSummary): string {
  const lines: string[] = [];
  const o = s.orders;
  if (o) {
    lines.push(
      `orders: ${o.placed} placed, ${o.confirmed} confirmed, ${o.failed} failed, ${o.inFlight} in flight`,
    );
    const reasons = Object.entries(o.failedByReason).map(([reason, n]) => `${reason} ${n}`);
    if (reasons.length > 0) lines.push(`  failed by reason: ${reasons.join(', ')}`);
    lines.push(
      `  notifications: ${o.notificationsSent} sent, ${o.notificationDuplicates} duplicates dropped`,
    );
  }
  for (const [id, n] of Object.entries(s.nodes)) {
    if (n.kind === 'readModel') {
      const r = n.readModel;
      lines.push(
        `read model ${id}: ${r.documents} documents from ${r.source ?? 'no store'}, lag ${r.lagPositions} events (${ms(r.lagMs)}), apply delay mean ${ms(r.applyDelayMs.mean)} max ${ms(r.applyDelayMs.max)}, ${r.staleReads}/${r.queries} stale reads`,
      );
    }
    if (n.kind !== 'eventBus') continue;
    for (const [topic, t] of Object.entries(n.topics)) {
      for (const [group, g] of Object.entries(t.groups)) {
        lines.push(
          `bus ${id} ${topic}/${group}: lag ${g.lag}, ${g.delivered} delivered (${g.redelivered} redelivered), ${g.acked} acked, ${g.deadLettered} dead-lettered, end to end mean ${ms(g.endToEndMs.mean)} p99 ${ms(g.endToEndMs.p99)} (waited ${ms(g.waitMs.mean)})`,
        );
      }
    }
  }
  return lines.join('\n');
}
