import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../engine/rng';
import { exampleDomain } from './exampleShop.testkit';
import { checkInvariants } from './invariants';
import { orderStreamId } from './order';
import { driveStep, type EcommerceDomain, startOrder } from './orderFlow';
import type { OrderRequest, OrderSaga, SagaService } from './orderSaga';

const rng = new Sfc32(1);

/** Runs a saga to its end; services in `down` are unavailable while `stillDown(attempt)` holds. */
function run(
  domain: EcommerceDomain,
  request: OrderRequest,
  down: readonly SagaService[] = [],
  downForAttempts = Number.POSITIVE_INFINITY,
): OrderSaga {
  const saga = startOrder(domain, request);
  for (let t = 0; !saga.done && t < 100; t++) {
    const cmd = saga.command()!;
    driveStep(domain, saga, rng, t, down.includes(cmd.service) && cmd.attempt < downForAttempts);
  }
  return saga;
}

const order = (orderId: string, userId = 'u1', productId = 'p1', quantity = 2): OrderRequest => ({
  orderId,
  userId,
  productId,
  quantity,
});

function eventTypes(domain: EcommerceDomain, orderId: string): string[] {
  return domain.store.readStream(orderStreamId(orderId)).map((e) => e.type);
}

function invariantsOk(domain: EcommerceDomain): boolean {
  const r = checkInvariants({
    inventory: domain.inventory,
    store: domain.store,
    ledger: domain.ledger,
    bus: domain.bus,
  });
  return r.ok;
}

describe('create-order saga, happy path', () => {
  it('calls user, product, inventory, store, payment, store, inventory, store, bus in that order and confirms', () => {
    const d = exampleDomain();
    const saga = startOrder(d, order('o1'));
    const services: SagaService[] = [];
    while (!saga.done) {
      services.push(saga.command()!.service);
      driveStep(d, saga, rng, services.length);
    }
    expect(services).toEqual([
      'user',
      'product',
      'inventory',
      'orderStore',
      'payment',
      'orderStore',
      'inventory',
      'orderStore',
      'bus',
    ]);
    expect(saga.step).toBe('completed');
    expect(eventTypes(d, 'o1')).toEqual(['OrderPlaced', 'StockReserved', 'PaymentCharged', 'OrderConfirmed']);
    expect(d.inventory.level('p1')).toMatchObject({ onHand: 3, reserved: 0, sold: 2 });
    expect(d.payments.totals.chargedCents).toBe(2000);
    expect(d.bus.metrics('order_created').published).toBe(1);
    expect([d.ledger.completed, d.ledger.publicationsOf('o1')]).toEqual([1, 1]);
    expect(invariantsOk(d)).toBe(true);
  });
});

describe('create-order saga, failures before the reservation', () => {
  const cases: [string, OrderRequest, SagaService[], string][] = [
    ['unknown user', order('o1', 'nobody'), [], 'unknownUser'],
    ['inactive user', order('o1', 'u2'), [], 'inactiveUser'],
    ['unknown product', order('o1', 'u1', 'p9'), [], 'unknownProduct'],
    ['insufficient stock', order('o1', 'u1', 'p1', 6), [], 'insufficientStock'],
    ['a zero quantity', order('o1', 'u1', 'p1', 0), [], 'invalidQuantity'],
    ['user service down', order('o1'), ['user'], 'userServiceUnavailable'],
    ['product service down', order('o1'), ['product'], 'productServiceUnavailable'],
    ['inventory down at reservation', order('o1'), ['inventory'], 'inventoryUnavailable'],
  ];
  for (const [name, request, down, reason] of cases) {
    it(`fails with ${reason} on ${name}, creating no order and holding no stock`, () => {
      const d = exampleDomain();
      const saga = run(d, request, down);
      expect([saga.step, saga.failureReason]).toEqual(['failed', reason]);
      expect(d.store.headPosition).toBe(0);
      expect(d.inventory.level('p1')).toMatchObject({ onHand: 5, reserved: 0, sold: 0 });
      expect(d.ledger.failedByReason).toEqual({ [reason]: 1 });
      expect(invariantsOk(d)).toBe(true);
    });
  }
});

describe('create-order saga, failures after the reservation compensate', () => {
  it('releases the stock and fails the order when the payment is declined', () => {
    const d = exampleDomain(1);
    const saga = run(d, order('o1'));
    expect([saga.step, saga.failureReason]).toEqual(['failed', 'paymentDeclined']);
    expect(saga.history.map((h) => h.step)).toEqual([
      'validateUser',
      'fetchProduct',
      'reserveStock',
      'createOrder',
      'chargePayment',
      'releaseStock',
      'failOrder',
    ]);
    expect(eventTypes(d, 'o1')).toEqual(['OrderPlaced', 'StockReserved', 'OrderFailed']);
    expect(d.inventory.level('p1')).toMatchObject({ onHand: 5, reserved: 0, sold: 0 });
    expect(d.bus.metrics('order_created').published).toBe(0);
    expect(invariantsOk(d)).toBe(true);
  });

  it('releases the stock and fails the order when the payment service is down', () => {
    const d = exampleDomain();
    const saga = run(d, order('o1'), ['payment']);
    expect(saga.failureReason).toBe('paymentUnavailable');
    expect(d.store.readStream(orderStreamId('o1')).at(-1)?.data).toEqual({ reason: 'paymentUnavailable' });
    expect(d.inventory.level('p1')!.onHand).toBe(5);
    expect(d.payments.totals.charges).toBe(0);
  });

  it('releases the stock without an order when the event store is down at order creation', () => {
    const d = exampleDomain();
    const saga = run(d, order('o1'), ['orderStore']);
    expect(saga.failureReason).toBe('orderStoreUnavailable');
    expect(saga.history.map((h) => h.step).slice(-2)).toEqual(['createOrder', 'releaseStock']);
    expect([d.store.headPosition, d.inventory.level('p1')!.onHand]).toEqual([0, 5]);
  });

  it('refunds, releases and fails the order when the inventory is down at the stock commit', () => {
    const d = exampleDomain();
    const saga = startOrder(d, order('o1'));
    while (!saga.done) driveStep(d, saga, rng, 0, saga.command()!.step === 'commitStock');
    expect(saga.failureReason).toBe('inventoryUnavailable');
    expect(saga.history.map((h) => h.step).slice(-4)).toEqual([
      'commitStock',
      'refundPayment',
      'releaseStock',
      'failOrder',
    ]);
    expect(eventTypes(d, 'o1')).toEqual(['OrderPlaced', 'StockReserved', 'PaymentCharged', 'OrderFailed']);
    expect(d.payments.totals).toMatchObject({ chargedCents: 2000, refundedCents: 2000 });
    expect(d.inventory.level('p1')).toMatchObject({ onHand: 5, reserved: 0, sold: 0 });
    expect(invariantsOk(d)).toBe(true);
  });

  it('retries a compensation until its service is back', () => {
    const d = exampleDomain(1);
    const saga = startOrder(d, order('o1'));
    let releaseDownFor = 3;
    while (!saga.done) {
      const cmd = saga.command()!;
      driveStep(d, saga, rng, 0, cmd.step === 'releaseStock' && releaseDownFor-- > 0);
    }
    expect(saga.history.filter((h) => h.step === 'releaseStock').map((h) => h.outcome)).toEqual([
      'unavailable',
      'unavailable',
      'unavailable',
      'ok',
    ]);
    expect(d.inventory.level('p1')!.reserved).toBe(0);
  });
});

describe('create-order saga, after the pivot', () => {
  it('retries publishing while the bus is down and then publishes order_created exactly once', () => {
    const d = exampleDomain();
    const saga = run(d, order('o1'), ['bus'], 4);
    expect(saga.step).toBe('completed');
    expect(saga.history.filter((h) => h.step === 'publishOrderCreated')).toHaveLength(5);
    expect([d.ledger.publicationsOf('o1'), d.bus.metrics('order_created').published]).toEqual([1, 1]);
    expect(invariantsOk(d)).toBe(true);
  });

  it('keeps selling until the stock runs out, then fails orders with insufficientStock', () => {
    const d = exampleDomain();
    const outcomes = [1, 2, 3].map((i) => run(d, order(`o${i}`)).failureReason ?? 'completed');
    expect(outcomes).toEqual(['completed', 'completed', 'insufficientStock']);
    expect(d.inventory.level('p1')).toMatchObject({ onHand: 1, sold: 4 });
  });
});
