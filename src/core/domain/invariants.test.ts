import { describe, expect, it } from 'vitest';
import { EventBus } from '../components/events/eventBus';
import { EventStore } from '../components/events/eventStore';
import { Projection } from '../components/events/projection';
import { Sfc32 } from '../engine/rng';
import { exampleDomain } from './exampleShop.testkit';
import {
  checkInvariants,
  checkMessages,
  checkOrders,
  checkReadModel,
  checkStock,
  checkStreamVersions,
} from './invariants';
import { orderStreamId } from './order';
import { driveStep, startOrder } from './orderFlow';
import { orderHistoryProjection } from './orderHistory';

function completedShop() {
  const d = exampleDomain();
  const saga = startOrder(d, { orderId: 'o1', userId: 'u1', productId: 'p1', quantity: 1 });
  while (!saga.done) driveStep(d, saga, new Sfc32(1), 0);
  return d;
}

describe('invariants', () => {
  it('report a healthy shop as ok and list what they checked', () => {
    const d = completedShop();
    const p = new Projection(orderHistoryProjection);
    p.catchUp(d.store);
    const r = checkInvariants({
      inventory: d.inventory,
      store: d.store,
      ledger: d.ledger,
      bus: d.bus,
      projections: [{ name: 'history', projection: p as Projection<unknown> }],
    });
    expect(r).toMatchObject({ ok: true, violations: [] });
    expect(r.checked).toContain('readModelEqualsReplay');
  });

  it('detect stock that is not conserved', () => {
    const d = completedShop();
    // Corrupt the private level directly: no public operation can lose stock.
    (d.inventory as unknown as { levels: Map<string, { onHand: number }> }).levels.get('p1')!.onHand -= 2;
    expect(checkStock(d.inventory).map((v) => v.invariant)).toEqual(['stockConserved']);
  });

  it('detect a second OrderPlaced and a duplicate order_created', () => {
    const d = completedShop();
    d.store.append(orderStreamId('o1'), [{ type: 'OrderPlaced', data: { orderId: 'o1' } }], 'any', 1);
    d.ledger.recordPublication('o1');
    const found = checkOrders(d.store, d.ledger).map((v) => v.invariant);
    expect(found).toContain('orderPlacedOnce');
    expect(found).toContain('paidOrderPublishedOnce');
  });

  it('detect an order_created published for an order that failed', () => {
    const d = exampleDomain(1);
    const saga = startOrder(d, { orderId: 'o1', userId: 'u1', productId: 'p1', quantity: 1 });
    while (!saga.done) driveStep(d, saga, new Sfc32(1), 0);
    d.ledger.recordPublication('o1');
    expect(checkOrders(d.store, d.ledger)[0]?.message).toMatch(/FAILED published 1/);
  });

  it('accept contiguous stream versions and detect a gap', () => {
    const store = new EventStore();
    store.append(
      'a',
      [
        { type: 'x', data: 1 },
        { type: 'y', data: 2 },
      ],
      'noStream',
      0,
    );
    expect(checkStreamVersions(store)).toEqual([]);
    // The public API cannot produce a gap: the store is made to read one back.
    const [first, second] = store.readStream('a');
    store.readStream = () => [first!, { ...second!, version: 3 }];
    expect(checkStreamVersions(store)[0]?.message).toBe('stream a: version 3 where 2 was expected');
  });

  it('detect a read model that drifted from its replay', () => {
    const d = completedShop();
    const p = new Projection(orderHistoryProjection);
    p.catchUp(d.store);
    p.model.set('ghost', { ...p.model.get('o1')!, orderId: 'ghost' });
    expect(checkReadModel('history', p, d.store)[0]?.message).toMatch(/history differs/);
  });

  it('detect messages lost to retention', () => {
    const bus = new EventBus<string>();
    bus.createTopic({ name: 't', partitions: 1, maxDeliveries: 2, retentionPerPartition: 2 });
    bus.subscribe('t', 'g', 'm', 0);
    for (let i = 0; i < 5; i++) bus.publish('t', 'k', `${i}`, 0);
    expect(checkMessages(bus).map((v) => v.message)).toEqual([
      'topic t, group g: 3 messages expired unconsumed (retention)',
    ]);
  });
});
