import { peekDomain } from '../../domain/runtime/domainContext';
import type { World } from '../../sim/world';

/** The create-order saga's outcomes in a run. */
export interface OrdersSummary {
  placed: number;
  confirmed: number;
  failed: number;
  inFlight: number;
  failedByReason: Record<string, number>;
  notificationsSent: number;
  notificationDuplicates: number;
}

/**
 * The run-level `orders` section: orders placed, confirmed, failed (by reason, sorted so the JSON
 * is byte-stable) and still in flight, and notifications sent; undefined when the document does not
 * model the e-commerce domain. Bus, store, read-model and log figures are in their nodes' entries.
 */
export function ordersSummary(world: World): OrdersSummary | undefined {
  const ctx = peekDomain(world);
  if (!ctx) return undefined;
  const l = ctx.domain.ledger;
  const failedByReason: Record<string, number> = Object.create(null);
  for (const [reason, n] of Object.entries(l.failedByReason).sort(([a], [b]) => (a < b ? -1 : 1)))
    failedByReason[reason] = n;
  return {
    placed: l.started,
    confirmed: l.completed,
    failed: l.failed,
    inFlight: l.open.size,
    failedByReason,
    notificationsSent: ctx.domain.notifications.sent,
    notificationDuplicates: ctx.domain.notifications.duplicates,
  };
}
