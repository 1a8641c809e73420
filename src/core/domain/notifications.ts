/** What handling a message did. */
export type NotifyOutcome = 'sent' | 'duplicate';

/**
 * The notification consumer: one notification per order_created message. Bus delivery is
 * at-least-once, so messages are deduplicated by message id within a bounded window of recent ids.
 */
export class NotificationService {
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];
  private orderHead = 0;
  private readonly perOrder = new Map<string, number>();
  sent = 0;
  duplicates = 0;

  constructor(readonly dedupeWindow = 100_000) {}

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
      if (this.orderHead * 2 > this.order.length) {
        this.order.splice(0, this.orderHead);
        this.orderHead = 0;
      }
    }
    this.perOrder.set(orderId, (this.perOrder.get(orderId) ?? 0) + 1);
    this.sent++;
    return 'sent';
  }

  /** Notifications sent for an order. */
  countFor(orderId: string): number {
    return this.perOrder.get(orderId) ?? 0;
  }
}
