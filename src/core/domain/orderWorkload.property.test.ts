import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../components/events/busTypes';
import { Projection } from '../components/events/projection';
import { Sfc32 } from '../engine/rng';
import { exampleDomain } from './exampleShop.testkit';
import { checkInvariants, type InvariantReport } from './invariants';
import { driveStep, type EcommerceDomain, type OrderCreatedMessage, startOrder } from './orderFlow';
import { type OrderHistoryDoc, orderHistoryProjection } from './orderHistory';
import type { OrderSaga, SagaService } from './orderSaga';

const services: SagaService[] = ['user', 'product', 'inventory', 'orderStore', 'payment', 'bus'];
const members = ['n1', 'n2'];

type Op =
  | { kind: 'place'; user: number; product: number; quantity: number }
  | { kind: 'step'; saga: number }
  | { kind: 'toggle'; service: number }
  | { kind: 'consume'; member: number; action: 'ack' | 'nack' | 'crash' | 'hold' }
  | { kind: 'rejoin'; member: number }
  | { kind: 'project'; max: number; redeliver: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      // Mostly valid orders, so most sagas get past validation to the interesting steps.
      user: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2),
      product: fc.constantFrom(0, 0, 0, 0, 0, 1, 1, 2),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('step' as const), saga: fc.nat(20) }), weight: 8 },
  fc.record({ kind: fc.constant('toggle' as const), service: fc.nat(services.length - 1) }),
  fc.record({
    kind: fc.constant('consume' as const),
    member: fc.nat(1),
    action: fc.constantFrom(
      'ack' as const,
      'ack' as const,
      'nack' as const,
      'crash' as const,
      'hold' as const,
    ),
  }),
  fc.record({ kind: fc.constant('rejoin' as const), member: fc.nat(1) }),
  fc.record({
    kind: fc.constant('project' as const),
    max: fc.integer({ min: 1, max: 5 }),
    redeliver: fc.nat(3),
  }),
);

/** The world the ops act on: the shop, its sagas, a notification group and the order-history projection. */
class World {
  readonly d: EcommerceDomain = exampleDomain(0.2, 3);
  readonly rng = new Sfc32(11);
  readonly sagas: OrderSaga[] = [];
  readonly down = new Set<SagaService>();
  readonly held = new Map<string, Delivery<unknown>>();
  readonly history = new Projection<OrderHistoryDoc>(orderHistoryProjection);
  now = 0;
  orders = 0;

  constructor() {
    for (const m of members) this.d.bus.subscribe('order_created', 'notifications', m, 0);
    this.d.inventory.restock('p1', 40);
  }

  apply(op: Op): void {
    this.now += 1;
    const d = this.d;
    switch (op.kind) {
      case 'place': {
        const userId = ['u1', 'u2', 'ghost'][op.user]!;
        const productId = ['p1', 'p2', 'p404'][op.product]!;
        this.sagas.push(
          startOrder(d, { orderId: `o${++this.orders}`, userId, productId, quantity: op.quantity }),
        );
        return;
      }
      case 'step': {
        const open = this.sagas.filter((s) => !s.done);
        const saga = open[op.saga % Math.max(1, open.length)];
        if (saga) driveStep(d, saga, this.rng, this.now, this.down.has(saga.command()!.service));
        return;
      }
      case 'toggle': {
        const s = services[op.service]!;
        if (!this.down.delete(s)) this.down.add(s);
        return;
      }
      case 'consume':
        this.consume(members[op.member]!, op.action);
        return;
      case 'rejoin':
        d.bus.subscribe('order_created', 'notifications', members[op.member]!, this.now);
        return;
      case 'project': {
        this.history.catchUp(d.store, op.max);
        // Redeliver recent events: the projection must skip them.
        const from = Math.max(1, this.history.checkpoint - op.redeliver);
        for (const e of d.store.readAll(from, op.redeliver)) this.history.apply(e);
      }
    }
  }

  consume(member: string, action: 'ack' | 'nack' | 'crash' | 'hold'): void {
    const bus = this.d.bus;
    if (action === 'crash') {
      bus.crash(member, this.now);
      this.held.delete(member);
      return;
    }
    const d = this.held.get(member) ?? bus.poll('order_created', 'notifications', member, this.now);
    if (!d) return;
    this.held.delete(member);
    const message = d.payload as OrderCreatedMessage;
    if (action === 'hold') {
      this.held.set(member, d);
    } else if (action === 'ack') {
      this.d.notifications.handle(d.messageId, message.orderId);
      bus.ack(d, this.now);
    } else {
      this.d.notifications.handle(d.messageId, message.orderId); // handled, but the commit is lost
      bus.nack(d, this.now);
    }
  }

  /** Heals every fault and runs everything to quiescence. */
  settle(): void {
    this.down.clear();
    for (const saga of this.sagas) while (!saga.done) driveStep(this.d, saga, this.rng, ++this.now);
    for (const m of members) this.d.bus.subscribe('order_created', 'notifications', m, this.now);
    // A held delivery was never committed: it times out and is redelivered.
    for (const d of this.held.values()) this.d.bus.timeout(d, this.now);
    this.held.clear();
    for (let guard = 0; guard < 10_000; guard++) {
      let progressed = false;
      for (const m of members) {
        const d = this.d.bus.poll('order_created', 'notifications', m, this.now);
        if (!d) continue;
        this.d.notifications.handle(d.messageId, (d.payload as OrderCreatedMessage).orderId);
        this.d.bus.ack(d, this.now);
        progressed = true;
      }
      if (!progressed) break;
    }
    this.history.catchUp(this.d.store);
  }

  invariants(): InvariantReport {
    const d = this.d;
    return checkInvariants({
      inventory: d.inventory,
      store: d.store,
      ledger: d.ledger,
      bus: d.bus,
      projections: [{ name: 'orderHistory', projection: this.history as Projection<unknown> }],
    });
  }
}

describe('order workloads with faults (property)', () => {
  it('never break an invariant, and after healing every confirmed order is notified exactly once', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 60, maxLength: 250 }), (ops) => {
        const w = new World();
        for (const op of ops) {
          w.apply(op);
          const r = w.invariants();
          if (!r.ok)
            throw new Error(`after ${JSON.stringify(op)}: ${r.violations.map((v) => v.message).join('; ')}`);
        }
        w.settle();
        expect(w.invariants().violations).toEqual([]);
        expect(w.history.caughtUp(w.d.store)).toBe(true);
        expect(w.d.ledger.open.size).toBe(0);
        const g = w.d.bus.metrics('order_created').groups[0]!;
        expect(g.pending).toBe(0);
        expect(g.acked + g.deadLettered).toBe(w.d.ledger.completed);
        for (const saga of w.sagas) {
          const doc = w.history.model.get(saga.request.orderId);
          if (saga.step === 'completed') {
            expect(doc?.status).toBe('CONFIRMED');
            // Dead-lettered messages were never acked, but were handled before each nack.
            expect(w.d.notifications.countFor(saga.request.orderId)).toBe(1);
          } else {
            expect(doc === undefined || doc.status === 'FAILED').toBe(true);
          }
        }
        for (const l of w.d.inventory.allLevels()) expect(l.reserved).toBe(0);
      }),
      { numRuns: 150, seed: 20240501 },
    );
  });
});
