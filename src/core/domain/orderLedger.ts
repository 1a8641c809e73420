import { FifoMap } from '../sim/fifoMap';
import type { OrderFailureReason, OrderSaga } from './orderSaga';
import { evictOldest, RETAINED_FINISHED_ORDERS } from './retention';

/** Options of an {@link OrderLedger}. */
export interface OrderLedgerOptions {
  /** Finished orders whose publication count is kept (older ones are forgotten). */
  readonly retainFinished?: number;
  /** Called with each finished order that falls out of the window, so other per-order records follow. */
  readonly onForget?: (orderId: string) => void;
}

/**
 * Book-keeping of the create-order flow that outlives the sagas: which orders are in flight, how
 * many order_created messages each order published, and outcomes by reason. The invariants read it.
 * Per-order publication counts are kept for open orders and a window of recently finished ones;
 * the publication rule is also checked exactly, with counters, when each order finishes, so the
 * invariant stays exact over runs far longer than the window.
 */
export class OrderLedger {
  /** Orders whose saga has not finished, with the order_created messages each published so far. */
  readonly open = new Map<string, number>();
  private readonly finishedPublications = new FifoMap<string, number>();
  private readonly retainFinished: number;
  private readonly onForget: ((orderId: string) => void) | undefined;
  started = 0;
  completed = 0;
  failed = 0;
  /** order_created messages recorded, over the whole run. */
  publications = 0;
  /** Finished orders forgotten by the window (their totals stay counted). */
  forgotten = 0;
  /** Orders that finished confirmed with a publication count other than one. */
  confirmedWithoutOnePublication = 0;
  /** Orders that finished failed after publishing. */
  failedButPublished = 0;
  /** Publications of an order that was not open (never started, or already finished). */
  publishedOutsideSaga = 0;
  readonly failedByReason: Partial<Record<OrderFailureReason, number>> = {};

  constructor(options: OrderLedgerOptions = {}) {
    this.retainFinished = options.retainFinished ?? RETAINED_FINISHED_ORDERS;
    this.onForget = options.onForget;
  }

  start(orderId: string): void {
    this.open.set(orderId, 0);
    this.started++;
  }

  recordPublication(orderId: string): void {
    this.publications++;
    const open = this.open.get(orderId);
    if (open !== undefined) {
      this.open.set(orderId, open + 1);
      return;
    }
    this.publishedOutsideSaga++;
    const finished = this.finishedPublications.get(orderId);
    if (finished !== undefined) this.finishedPublications.set(orderId, finished + 1);
  }

  publicationsOf(orderId: string): number {
    return this.open.get(orderId) ?? this.finishedPublications.get(orderId) ?? 0;
  }

  /** Whether the ledger still holds the order's publication count (open or in the finished window). */
  tracks(orderId: string): boolean {
    return this.open.has(orderId) || this.finishedPublications.has(orderId);
  }

  /** Tracked orders that published at least once. */
  *publishedOrders(): IterableIterator<[string, number]> {
    for (const entry of this.open) if (entry[1] > 0) yield entry;
    for (const entry of this.finishedPublications.entries()) if (entry[1] > 0) yield entry;
  }

  /** Records a finished saga once; later calls for the same saga do nothing. */
  finish(saga: OrderSaga): void {
    const orderId = saga.request.orderId;
    if (!saga.done) return;
    const published = this.open.get(orderId);
    if (published === undefined) return;
    this.open.delete(orderId);
    this.finishedPublications.set(orderId, published);
    const forgotten = evictOldest(this.finishedPublications, this.retainFinished);
    if (forgotten !== undefined) {
      this.forgotten++;
      this.onForget?.(forgotten);
    }
    if (saga.step === 'completed') {
      this.completed++;
      if (published !== 1) this.confirmedWithoutOnePublication++;
      return;
    }
    if (published > 0) this.failedButPublished++;
    this.failed++;
    const reason = saga.failureReason!;
    this.failedByReason[reason] = (this.failedByReason[reason] ?? 0) + 1;
  }
}
