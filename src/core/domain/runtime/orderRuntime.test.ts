import { describe, expect, it } from 'vitest';
import type { EventStoreRuntime } from '../../components/runtimes/eventStoreRuntime';
import { createRun, type Run } from '../../run/createRun';
import { domainOf } from './domainContext';
import { type ShopSketchOptions, shopDocument } from './shopSketch.testkit';

interface Outcome {
  run: Run;
  world: Parameters<typeof domainOf>[0];
}

function runShop(o: ShopSketchOptions): Outcome {
  const run = createRun(shopDocument({ durationSec: 3, ratePerSec: 40, ...o }));
  run.runToEnd();
  return { run, world: (run as unknown as { world: Outcome['world'] }).world };
}

function storeOf(o: Outcome): EventStoreRuntime {
  return o.world.runtimes.get('store') as EventStoreRuntime;
}

function eventTypes(o: Outcome, orderId: string): string[] {
  return storeOf(o)
    .eventStore.readStream(`order-${orderId}`)
    .map((e) => e.type);
}

describe('the order saga through the runtime', () => {
  it('confirms a valid order: events appended, stock sold, order_created published and notified', () => {
    const o = runShop({
      orders: [{ headers: { 'x-user-id': 'u2', 'x-product-id': 'p3', 'x-quantity': '1' } }],
    });
    const s = o.run.summary();
    const ctx = domainOf(o.world);
    expect(s.invariants).toEqual({ ok: true, violations: [] });
    expect(s.orders!.confirmed).toBeGreaterThan(50);
    expect(eventTypes(o, 'o1')).toEqual(['OrderPlaced', 'StockReserved', 'PaymentCharged', 'OrderConfirmed']);
    expect(ctx.domain.ledger.publicationsOf('o1')).toBe(1);
    expect(ctx.domain.notifications.countFor('o1')).toBe(1);
    expect(ctx.domain.inventory.level('p3')!.sold).toBeGreaterThanOrEqual(s.orders!.confirmed);
    expect(s.nodes.web!.completed).toBe(s.orders!.confirmed);
  });

  it('keeps no remembered order state once an order’s saga has finished', () => {
    const o = runShop({});
    const ctx = domainOf(o.world);
    const store = storeOf(o).eventStore;
    expect(eventTypes(o, 'o1')).toContain('OrderPlaced');
    expect(store.recall('order-o1', ctx.domain.orders)).toBeUndefined();
  });

  it('fails an unknown user with 404 before touching stock or the store', () => {
    const o = runShop({ orders: [{ headers: { 'x-user-id': 'ghost' } }] });
    const s = o.run.summary();
    expect(s.orders!.confirmed).toBe(0);
    expect(s.orders!.failedByReason).toEqual({ unknownUser: s.orders!.placed - s.orders!.inFlight });
    expect(storeOf(o).eventStore.headPosition).toBe(0);
    expect(s.nodes.inventory!.arrived).toBe(0);
    expect(s.invariants.ok).toBe(true);
  });

  it('fails an unknown product with 404 after validating the user', () => {
    const o = runShop({ orders: [{ headers: { 'x-product-id': 'p404' } }] });
    const s = o.run.summary();
    const reasons = s.orders!.failedByReason;
    expect(reasons.unknownProduct).toBeGreaterThan(50);
    expect(s.nodes.users!.arrived).toBeGreaterThan(50);
    expect(s.nodes.inventory!.arrived).toBe(0);
  });

  it('fails an order larger than the stock on hand with 409 and leaves the stock untouched', () => {
    const o = runShop({ orders: [{ headers: { 'x-product-id': 'p1', 'x-quantity': '100000' } }] });
    const s = o.run.summary();
    const level = domainOf(o.world).domain.inventory.level('p1')!;
    // Drawn users include the shop's few inactive accounts, refused before the stock check.
    expect(s.orders!.failedByReason.insufficientStock).toBe(
      s.orders!.failed - (s.orders!.failedByReason.inactiveUser ?? 0),
    );
    expect(level.onHand).toBe(level.received);
    expect(s.invariants.ok).toBe(true);
  });

  it('compensates a declined payment: stock released and OrderFailed appended', () => {
    const o = runShop({ durationSec: 10, ratePerSec: 80 });
    const ctx = domainOf(o.world);
    const s = o.run.summary();
    expect(s.orders!.failedByReason.paymentDeclined).toBeGreaterThan(0);
    const declined = [...storeOf(o).eventStore.readAll()].filter(
      (e) => e.type === 'OrderFailed' && (e.data as { reason: string }).reason === 'paymentDeclined',
    );
    expect(declined.length).toBe(s.orders!.failedByReason.paymentDeclined);
    for (const e of declined) {
      const orderId = e.streamId.slice('order-'.length);
      expect(ctx.domain.inventory.reservation(orderId)).toBeUndefined();
      expect(ctx.domain.ledger.publicationsOf(orderId)).toBe(0);
    }
    expect(s.invariants.ok).toBe(true);
  });

  it('compensates when the payment service is down: stock released, OrderFailed, 503 to the client', () => {
    const o = runShop({ paymentErrorRate: 1 });
    const s = o.run.summary();
    const ctx = domainOf(o.world);
    expect(s.orders!.confirmed).toBe(0);
    expect(s.orders!.failedByReason.paymentUnavailable).toBe(
      s.orders!.failed - (s.orders!.failedByReason.inactiveUser ?? 0),
    );
    // Only sagas still running at the end hold stock.
    const held = ctx.domain.inventory
      .openReservations()
      .filter((r) => !ctx.domain.ledger.open.has(r.orderId));
    expect(held).toEqual([]);
    expect(eventTypes(o, 'o1')).toEqual(['OrderPlaced', 'StockReserved', 'OrderFailed']);
    expect(s.nodes.web!.failed).toBe(s.orders!.failed);
    expect(s.nodes.payment!.failed).toBeGreaterThanOrEqual(s.orders!.failedByReason.paymentUnavailable!);
    expect(s.invariants.ok).toBe(true);
  });

  it('reports the same orders for the same seed, and other draws for another seed', () => {
    const a = JSON.stringify(runShop({ seed: 5 }).run.summary());
    const b = JSON.stringify(runShop({ seed: 5 }).run.summary());
    const c = JSON.stringify(runShop({ seed: 6 }).run.summary());
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
