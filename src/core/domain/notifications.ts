import { FifoMap } from '../sim/fifoMap';
import { evictOldest, RETAINED_FINISHED_ORDERS } from './retention';

/** What handling a message did. */
export type NotifyOutcome = 'sent' | 'duplicate';

/**
 * The notification consumer: one notification per order_created message. Bus delivery is
 * at-least-once, so messages are deduplicated by message id within a bounded window of recent ids.
 * Per-order counts are kept for a window of recently notified orders; `sent` counts them all.
 */
export class NotificationService {
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];
  private orderHead = 0;
  private readonly perOrder = new FifoMap<string, number>();
  sent = 0;
  duplicates = 0;

  constructor(
    readonly dedupeWindow = RETAINED_FINISHED_ORDERS,
    readonly orderWindow = RETAINED_FINISHED_ORDERS,
  ) {}

  handle(messageId: string, orderId: string): NotifyOutcome {
    if (this.seen.has(messageId)) {
      this.duplicates++;
      return 'duplicate';
    }
    this.seen.add(messageId);
    this.order.push(messageId);
    if (this.order.length - this.orderHead > this.dedupeWindow) {
      this.seen.delete(this.order[this.orderHead]!);
      this.order[this.orderHead++] = '';
      if (this.orderHead * 4 > this.order.length) {
        this.order.splice(0, this.orderHead);
        this.orderHead = 0;
      }
    }
    this.perOrder.set(orderId, (this.perOrder.get(orderId) ?? 0) + 1);
    evictOldest(this.perOrder, this.orderWindow);
    this.sent++;
    return 'sent';
  }

  /** Notifications sent for an order (0 once the order left the window). */
  countFor(orderId: string): number {
    return this.perOrder.get(orderId) ?? 0;
  }
}
