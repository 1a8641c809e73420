import type { OrderFailureReason, OrderSaga } from './orderSaga';

/**
 * Book-keeping of the create-order flow that outlives the sagas: which orders are in flight, how
 * many order_created messages each order published, and outcomes by reason. The invariants read it.
 */
export class OrderLedger {
  /** Orders whose saga has not finished. */
  readonly open = new Set<string>();
  private readonly publications = new Map<string, number>();
  started = 0;
  completed = 0;
  failed = 0;
  readonly failedByReason: Partial<Record<OrderFailureReason, number>> = {};

  start(orderId: string): void {
    this.open.add(orderId);
    this.started++;
  }

  recordPublication(orderId: string): void {
    this.publications.set(orderId, (this.publications.get(orderId) ?? 0) + 1);
  }

  publicationsOf(orderId: string): number {
    return this.publications.get(orderId) ?? 0;
  }

  /** Orders that published at least once. */
  publishedOrders(): IterableIterator<[string, number]> {
    return this.publications.entries();
  }

  /** Records a finished saga once; later calls for the same saga do nothing. */
  finish(saga: OrderSaga): void {
    if (!saga.done || !this.open.delete(saga.request.orderId)) return;
    if (saga.step === 'completed') {
      this.completed++;
      return;
    }
    this.failed++;
    const reason = saga.failureReason!;
    this.failedByReason[reason] = (this.failedByReason[reason] ?? 0) + 1;
  }
}
