import type { AggregateDefinition, Decision } from '../components/events/aggregate';
import type { RecordedEvent } from '../components/events/storeTypes';

/** Order lifecycle: PENDING -> STOCK_RESERVED -> PAID -> CONFIRMED, or FAILED with a reason. */
export type OrderStatus = 'NEW' | 'PENDING' | 'STOCK_RESERVED' | 'PAID' | 'CONFIRMED' | 'FAILED';

/** Names of the order's domain events. */
const orderEventTypes = [
  'OrderPlaced',
  'StockReserved',
  'PaymentCharged',
  'OrderConfirmed',
  'OrderFailed',
] as const;
/** One order event name. */
type OrderEventType = (typeof orderEventTypes)[number];

/** Data of OrderPlaced. */
export interface OrderPlacedData {
  readonly orderId: string;
  readonly userId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly amountCents: number;
}

/** The Order aggregate's state, folded from its stream. */
export interface OrderState {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly userId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly amountCents: number;
  readonly paymentId: string | undefined;
  readonly failureReason: string | undefined;
  /** OrderPlaced events seen: exactly 1 in a healthy stream (an invariant). */
  readonly placedCount: number;
}

const ORDER_STREAM_PREFIX = 'order-';

/** The event-store stream of an order. */
export function orderStreamId(orderId: string): string {
  return ORDER_STREAM_PREFIX + orderId;
}

/** The Order aggregate: initial state and pure fold over its events. */
export const orderAggregate: AggregateDefinition<OrderState> = {
  type: 'order',
  initial: (streamId) => ({
    orderId: streamId.startsWith(ORDER_STREAM_PREFIX) ? streamId.slice(ORDER_STREAM_PREFIX.length) : streamId,
    status: 'NEW',
    userId: '',
    productId: '',
    quantity: 0,
    amountCents: 0,
    paymentId: undefined,
    failureReason: undefined,
    placedCount: 0,
  }),
  apply: (s, e) => applyOrderEvent(s, e),
};

function applyOrderEvent(s: OrderState, e: RecordedEvent): OrderState {
  switch (e.type as OrderEventType) {
    case 'OrderPlaced': {
      const d = e.data as OrderPlacedData;
      return { ...s, ...d, status: 'PENDING', placedCount: s.placedCount + 1 };
    }
    case 'StockReserved':
      return moved(s, 'STOCK_RESERVED', s.paymentId, s.failureReason);
    case 'PaymentCharged':
      return moved(s, 'PAID', (e.data as { paymentId: string }).paymentId, s.failureReason);
    case 'OrderConfirmed':
      return moved(s, 'CONFIRMED', s.paymentId, s.failureReason);
    case 'OrderFailed':
      return moved(s, 'FAILED', s.paymentId, (e.data as { reason: string }).reason);
    default:
      return s;
  }
}

/** A copy of a state with a new status, payment and failure reason (one literal: one shape, no spread). */
function moved(
  s: OrderState,
  status: OrderStatus,
  paymentId: string | undefined,
  failureReason: string | undefined,
): OrderState {
  return {
    orderId: s.orderId,
    status,
    userId: s.userId,
    productId: s.productId,
    quantity: s.quantity,
    amountCents: s.amountCents,
    paymentId,
    failureReason,
    placedCount: s.placedCount,
  };
}

/** Places a new order with its stock already reserved (the saga reserves before creating). */
export function decidePlace(s: OrderState, data: OrderPlacedData): Decision {
  if (s.status !== 'NEW') return { rejected: `order ${s.orderId} already exists` };
  return [
    { type: 'OrderPlaced', data },
    { type: 'StockReserved', data: { productId: data.productId, quantity: data.quantity } },
  ];
}

/** Records a successful charge; only a reserved order can be paid. */
export function decidePayment(s: OrderState, paymentId: string): Decision {
  if (s.status === 'PAID' && s.paymentId === paymentId) return [];
  if (s.status !== 'STOCK_RESERVED') return { rejected: `cannot record payment in status ${s.status}` };
  return [{ type: 'PaymentCharged', data: { paymentId, amountCents: s.amountCents } }];
}

/** Confirms a paid order; confirming twice appends nothing. */
export function decideConfirm(s: OrderState): Decision {
  if (s.status === 'CONFIRMED') return [];
  if (s.status !== 'PAID') return { rejected: `cannot confirm in status ${s.status}` };
  return CONFIRM;
}

/** The confirmation's events: one shared, frozen decision (an event's data is never changed). */
const CONFIRM: Decision = Object.freeze([Object.freeze({ type: 'OrderConfirmed', data: Object.freeze({}) })]);

/** Fails an order with a reason; a failed order stays failed and a confirmed one cannot fail. */
export function decideFail(s: OrderState, reason: string): Decision {
  if (s.status === 'FAILED') return [];
  if (s.status === 'CONFIRMED' || s.status === 'NEW')
    return { rejected: `cannot fail in status ${s.status}` };
  return [{ type: 'OrderFailed', data: { reason } }];
}
