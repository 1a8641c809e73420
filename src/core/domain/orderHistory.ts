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

/** The order-history projection: one document per order, updated from the order events. */
export const orderHistoryProjection: ProjectionDefinition<OrderHistoryDoc> = {
  name: 'orderHistory',
  apply: (model, e) => {
    if (!e.streamId.startsWith('order-')) return;
    const orderId = e.streamId.slice('order-'.length);
    if (e.type === 'OrderPlaced') {
      const d = e.data as OrderPlacedData;
      model.set(orderId, { ...d, status: 'PENDING', updatedAtMs: e.recordedAtMs });
      return;
    }
    const doc = model.get(orderId);
    if (!doc) return;
    const status = statusAfter[e.type];
    if (!status) return;
    const reason = e.type === 'OrderFailed' ? (e.data as { reason: string }).reason : doc.failureReason;
    model.set(orderId, { ...doc, status, failureReason: reason, updatedAtMs: e.recordedAtMs });
  },
};

const statusAfter: Record<string, OrderStatus> = {
  StockReserved: 'STOCK_RESERVED',
  PaymentCharged: 'PAID',
  OrderConfirmed: 'CONFIRMED',
  OrderFailed: 'FAILED',
};
