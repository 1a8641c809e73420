import { describe, expect, it } from 'vitest';
import { AggregateRepository, loadAggregate, replayAggregate } from '../components/events/aggregate';
import { EventStore } from '../components/events/eventStore';
import {
  decideConfirm,
  decideFail,
  decidePayment,
  decidePlace,
  orderAggregate,
  orderStreamId,
} from './order';

const placed = { orderId: 'o1', userId: 'u1', productId: 'p1', quantity: 2, amountCents: 500 };

describe('Order aggregate', () => {
  it('moves PENDING -> STOCK_RESERVED -> PAID -> CONFIRMED and refuses steps out of order', () => {
    const store = new EventStore({ snapshotEvery: 2 });
    const repo = new AggregateRepository(store, orderAggregate);
    const id = orderStreamId('o1');
    expect(repo.execute(id, decideConfirm, 0).ok).toBe(false);
    const statuses = [
      repo.execute(id, (s) => decidePlace(s, placed), 1),
      repo.execute(id, (s) => decidePayment(s, 'pay-1'), 2),
      repo.execute(id, decideConfirm, 3),
    ].map((r) => r.ok && r.state.status);
    expect(statuses).toEqual(['STOCK_RESERVED', 'PAID', 'CONFIRMED']);
    expect(repo.execute(id, (s) => decidePlace(s, placed), 4).ok).toBe(false);
    expect(repo.execute(id, (s) => decideFail(s, 'late'), 4).ok).toBe(false);
    const loaded = loadAggregate(store, orderAggregate, id);
    expect(loaded.ok && loaded.aggregate.snapshotVersion).toBe(4);
    expect(loaded.ok && loaded.aggregate.state).toEqual(replayAggregate(store, orderAggregate, id));
  });

  it('records the failure reason and keeps a failed order failed', () => {
    const store = new EventStore();
    const repo = new AggregateRepository(store, orderAggregate);
    const id = orderStreamId('o2');
    repo.execute(id, (s) => decidePlace(s, { ...placed, orderId: 'o2' }), 0);
    const failed = repo.execute(id, (s) => decideFail(s, 'paymentDeclined'), 1);
    expect(failed.ok && [failed.state.status, failed.state.failureReason]).toEqual([
      'FAILED',
      'paymentDeclined',
    ]);
    const again = repo.execute(id, (s) => decideFail(s, 'other'), 2);
    expect(again.ok && again.events.length).toBe(0);
    expect(repo.execute(id, (s) => decidePayment(s, 'p'), 3).ok).toBe(false);
  });
});
