import type { ProjectionDefinition } from '../components/events/projection';
import type { OrderPlacedData, OrderStatus } from './order';

/** One order as the order-history read model shows it. */
export interface OrderHistoryDoc {
  readonly orderId: string;
  readonly userId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly amountCents: number;
  readonly status: OrderStatus;
  readonly failureReason?: string;
  readonly updatedAtMs: number;
}

/** A document as the projection writes it; readers see it read-only. */
type WritableDoc = { -readonly [K in keyof OrderHistoryDoc]: OrderHistoryDoc[K] };

/**
 * The order-history projection: one document per order, updated from the order events. NOTE: an
 * update rewrites the order's document in place (no reader keeps a document across events): a new
 * document per event was three allocations and a second map lookup per order on the hot path.
 */
export const orderHistoryProjection: ProjectionDefinition<OrderHistoryDoc> = {
  name: 'orderHistory',
  apply: (model, e) => {
    if (!e.streamId.startsWith('order-')) return;
    const orderId = e.streamId.slice('order-'.length);
    if (e.type === 'OrderPlaced') {
      const d = e.data as OrderPlacedData;
      // One literal, so every document has the same shape and later writes never change it.
      const doc: WritableDoc = {
        orderId: d.orderId,
        userId: d.userId,
        productId: d.productId,
        quantity: d.quantity,
        amountCents: d.amountCents,
        status: 'PENDING',
        failureReason: undefined,
        updatedAtMs: e.recordedAtMs,
      };
      model.set(orderId, doc);
      return;
    }
    const status = statusAfter[e.type];
    if (!status) return;
    const doc = model.get(orderId) as WritableDoc | undefined;
    if (!doc) return;
    doc.status = status;
    if (e.type === 'OrderFailed') doc.failureReason = (e.data as { reason: string }).reason;
    doc.updatedAtMs = e.recordedAtMs;
    model.rewrote();
  },
};

const statusAfter: Record<string, OrderStatus> = {
  StockReserved: 'STOCK_RESERVED',
  PaymentCharged: 'PAID',
  OrderConfirmed: 'CONFIRMED',
  OrderFailed: 'FAILED',
};
