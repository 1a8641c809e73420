import { describe, expect, it } from 'vitest';
import { EventStore } from '../components/events/eventStore';
import { LogStore } from '../components/events/logStore';
import { equalsReplay, Projection } from '../components/events/projection';
import { ReadModel } from '../components/events/readModel';
import { Sfc32 } from '../engine/rng';
import { checkOrders } from './invariants';
import { NotificationService } from './notifications';
import { OrderLedger } from './orderLedger';
import { OrderSaga } from './orderSaga';
import { PaymentService } from './payments';

function finishedSaga(orderId: string, completed: boolean): OrderSaga {
  const saga = new OrderSaga({ orderId, userId: 'u', productId: 'p', quantity: 1 });
  Object.assign(saga, completed ? { step: 'completed' } : { step: 'failed', failureReason: 'unknownUser' });
  Object.defineProperty(saga, 'done', { value: true });
  return saga;
}

describe('order ledger window', () => {
  it('forgets the oldest finished orders beyond its window and tells the other records', () => {
    const forgotten: string[] = [];
    const ledger = new OrderLedger({ retainFinished: 2, onForget: (id) => forgotten.push(id) });
    for (const id of ['a', 'b', 'c']) {
      ledger.start(id);
      ledger.recordPublication(id);
      ledger.finish(finishedSaga(id, true));
    }
    expect(forgotten).toEqual(['a']);
    expect([ledger.tracks('a'), ledger.tracks('c'), ledger.publicationsOf('c')]).toEqual([false, true, 1]);
    expect([ledger.completed, ledger.publications, ledger.confirmedWithoutOnePublication]).toEqual([3, 3, 0]);
  });

  it('counts a confirmed order without exactly one publication even after forgetting it', () => {
    const ledger = new OrderLedger({ retainFinished: 1 });
    ledger.start('a');
    ledger.finish(finishedSaga('a', true));
    ledger.start('b');
    ledger.finish(finishedSaga('b', false));
    expect(ledger.tracks('a')).toBe(false);
    expect(checkOrders(new EventStore(), ledger).map((v) => v.message)).toEqual([
      '1 confirmed orders finished without exactly one order_created',
    ]);
  });

  it('counts a publication outside an open saga', () => {
    const ledger = new OrderLedger();
    ledger.recordPublication('ghost');
    expect(ledger.publishedOutsideSaga).toBe(1);
  });
});

describe('event store stream index', () => {
  it('retires fully archived streams, keeps their version, and forgets the oldest beyond the cap', () => {
    const store = new EventStore({ maxRetainedEvents: 2, maxRetiredStreams: 1 });
    for (const id of ['a', 'b', 'c', 'd']) store.append(id, [{ type: 'x', data: 0 }], 'noStream', 0);
    expect([...store.streamIds()]).toEqual(['c', 'd']);
    expect([store.version('a'), store.version('b'), store.forgottenStreams]).toEqual([0, 1, 1]);
    expect(store.append('b', [{ type: 'x', data: 0 }], 'noStream', 1).ok).toBe(false);
    expect(store.append('b', [{ type: 'x', data: 0 }], 0, 1).ok).toBe(true);
    expect([store.streamCount, store.lastPosition('b')]).toEqual([4, 5]);
  });
});

describe('read model cap', () => {
  it('evicts the oldest documents and still equals a replay with the same cap', () => {
    const store = new EventStore();
    for (let i = 0; i < 5; i++) store.append(`s${i}`, [{ type: 'x', data: i }], 'noStream', i);
    const p = new Projection<number>(
      { name: 'n', apply: (m, e) => m.set(e.streamId, e.data as number) },
      new ReadModel<number>(3),
    );
    p.catchUp(store);
    expect([[...p.model.keys()], p.model.evicted]).toEqual([['s2', 's3', 's4'], 2]);
    expect(equalsReplay(p, store)).toEqual({ status: 'equal' });
    p.model.set('s0', 0);
    expect(equalsReplay(p, store).status).toBe('different');
  });
});

describe('per-order records', () => {
  it('payments forget a record while totals keep counting it', () => {
    const payments = new PaymentService(0);
    payments.charge('a', 100, new Sfc32(1), 0);
    payments.forget('a');
    expect([payments.size, payments.totals.charges, payments.payment('a')]).toEqual([0, 1, undefined]);
  });

  it('notifications keep per-order counts for a window of orders', () => {
    const n = new NotificationService(10, 2);
    for (const id of ['a', 'b', 'c']) n.handle(`m-${id}`, id);
    expect([n.countFor('a'), n.countFor('c'), n.sent]).toEqual([0, 1, 3]);
  });
});

describe('log store retention', () => {
  it('expires entries older than the retention period, counted apart from capacity drops', () => {
    const store = new LogStore('s', 100, 1000);
    for (const t of [0, 500, 1200, 1600]) {
      store.append({ timeMs: t, service: 'x', level: 'info', message: 'm', traceId: '' });
    }
    // At 1600 the horizon is 600: the entries at 0 and 500 expire.
    expect([store.size, store.expired, store.dropped]).toEqual([2, 2, 0]);
  });
});
