import { describe, expect, it } from 'vitest';
import { EventStore } from '../components/events/eventStore';
import { Projection } from '../components/events/projection';
import { ReadModel } from '../components/events/readModel';
import { orderHistoryProjection } from './orderHistory';

const placed = { orderId: 'o1', userId: 'u1', productId: 'p1', quantity: 2, amountCents: 500 };

function projected(events: { type: string; data: unknown }[]): Projection<unknown> {
  const store = new EventStore();
  events.forEach((e, i) => {
    store.append('order-o1', [e], 'any', 10 * (i + 1));
  });
  const projection = new Projection(orderHistoryProjection, new ReadModel());
  projection.catchUp(store);
  return projection as Projection<unknown>;
}

describe('order-history projection', () => {
  it('keys an order by its id and moves its status, failure reason and time with each event', () => {
    const p = projected([
      { type: 'OrderPlaced', data: placed },
      { type: 'StockReserved', data: {} },
      { type: 'OrderFailed', data: { reason: 'paymentDeclined' } },
    ]);
    expect(p.model.get('o1')).toMatchObject({
      ...placed,
      status: 'FAILED',
      failureReason: 'paymentDeclined',
      updatedAtMs: 30,
    });
  });

  it('counts each update as a write, and ignores events of an order it never saw placed', () => {
    const p = projected([
      { type: 'OrderPlaced', data: placed },
      { type: 'PaymentCharged', data: {} },
      { type: 'OrderConfirmed', data: {} },
    ]);
    expect([p.model.writes, p.model.size]).toEqual([3, 1]);
    const orphan = projected([{ type: 'OrderConfirmed', data: {} }]);
    expect([orphan.model.writes, orphan.model.size]).toEqual([0, 0]);
  });
});
