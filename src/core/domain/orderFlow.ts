import { AggregateRepository } from '../components/events/aggregate';
import type { EventBus } from '../components/events/eventBus';
import { EventStore } from '../components/events/eventStore';
import type { Rng } from '../engine/rng';
import { ProductCatalog } from './catalog';
import { Inventory } from './inventory';
import { NotificationService } from './notifications';
import {
  decideConfirm,
  decideFail,
  decidePayment,
  decidePlace,
  type OrderState,
  orderAggregate,
  orderStreamId,
} from './order';
import { OrderLedger } from './orderLedger';
import {
  type OrderRequest,
  OrderSaga,
  type SagaCommand,
  type SagaTransition,
  type StepOutcome,
} from './orderSaga';
import { PaymentService } from './payments';
import { UserDirectory } from './users';

/** The message published on the bus when an order is confirmed. */
export interface OrderCreatedMessage {
  readonly type: 'order_created';
  readonly orderId: string;
  readonly userId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly amountCents: number;
}

/** All e-commerce state one run holds, shared by the simulated services. */
export interface EcommerceDomain {
  readonly users: UserDirectory;
  readonly catalog: ProductCatalog;
  readonly inventory: Inventory;
  readonly payments: PaymentService;
  readonly notifications: NotificationService;
  readonly store: EventStore;
  readonly orders: AggregateRepository<OrderState>;
  readonly bus: EventBus<unknown>;
  readonly orderCreatedTopic: string;
  readonly ledger: OrderLedger;
}

/** Options of `createDomain`; the bus and its topic come from the runtime. */
export interface DomainOptions {
  readonly bus: EventBus<unknown>;
  readonly orderCreatedTopic?: string;
  readonly store?: EventStore;
  readonly declineProbability?: number;
}

/** Creates empty domain state wired to a bus (the topic is created with defaults if missing). */
export function createDomain(options: DomainOptions): EcommerceDomain {
  const store = options.store ?? new EventStore();
  const topic = options.orderCreatedTopic ?? 'order_created';
  if (!options.bus.hasTopic(topic)) options.bus.createTopic({ name: topic, partitions: 3, maxDeliveries: 5 });
  const payments = new PaymentService(options.declineProbability ?? 0);
  return {
    users: new UserDirectory(),
    catalog: new ProductCatalog(),
    inventory: new Inventory(),
    payments,
    notifications: new NotificationService(),
    store,
    orders: new AggregateRepository(store, orderAggregate),
    bus: options.bus,
    orderCreatedTopic: topic,
    // The payment record of an order lives as long as the ledger remembers the order.
    ledger: new OrderLedger({ onForget: (orderId) => payments.forget(orderId) }),
  };
}

/** Starts a create-order saga and records it as open. */
export function startOrder(domain: EcommerceDomain, request: OrderRequest): OrderSaga {
  domain.ledger.start(request.orderId);
  return new OrderSaga(request);
}

/**
 * Performs one saga call against the domain state, as the called service would when it is up;
 * the runtime passes `{ kind: 'unavailable' }` to the saga instead when the service is down.
 */
export function performStep(domain: EcommerceDomain, cmd: SagaCommand, rng: Rng, nowMs: number): StepOutcome {
  const { orderId, userId, productId, quantity } = cmd.request;
  switch (cmd.step) {
    case 'validateUser': {
      const user = domain.users.get(userId);
      if (!user) return { kind: 'rejected', reason: 'unknownUser' };
      return user.active ? { kind: 'ok' } : { kind: 'rejected', reason: 'inactiveUser' };
    }
    case 'fetchProduct': {
      const product = domain.catalog.get(productId);
      return product
        ? { kind: 'ok', priceCents: product.priceCents }
        : { kind: 'rejected', reason: 'unknownProduct' };
    }
    case 'reserveStock': {
      const r = domain.inventory.reserve(orderId, productId, quantity);
      if (r.ok) return { kind: 'ok' };
      if (r.reason === 'unknownProduct' || r.reason === 'invalidQuantity')
        return { kind: 'rejected', reason: r.reason };
      return { kind: 'rejected', reason: 'insufficientStock' };
    }
    case 'createOrder': {
      const data = { orderId, userId, productId, quantity, amountCents: cmd.amountCents };
      const r = domain.orders.execute(orderStreamId(orderId), (s) => decidePlace(s, data), nowMs);
      return r.ok ? { kind: 'ok' } : { kind: 'rejected', reason: 'orderConflict' };
    }
    case 'chargePayment': {
      const r = domain.payments.charge(orderId, cmd.amountCents, rng, nowMs);
      return r.status === 'charged'
        ? { kind: 'ok', paymentId: r.paymentId }
        : { kind: 'rejected', reason: 'paymentDeclined' };
    }
    case 'recordPayment':
      return appendOutcome(
        domain.orders.execute(orderStreamId(orderId), (s) => decidePayment(s, cmd.paymentId ?? ''), nowMs).ok,
      );
    case 'commitStock':
      // A missing reservation after payment means the state was tampered with; refuse so the saga refunds.
      return domain.inventory.commit(orderId)
        ? { kind: 'ok' }
        : { kind: 'rejected', reason: 'insufficientStock' };
    case 'confirmOrder':
      return appendOutcome(domain.orders.execute(orderStreamId(orderId), decideConfirm, nowMs).ok);
    case 'publishOrderCreated': {
      const message: OrderCreatedMessage = {
        type: 'order_created',
        orderId,
        userId,
        productId,
        quantity,
        amountCents: cmd.amountCents,
      };
      domain.bus.publish(domain.orderCreatedTopic, orderId, message, nowMs);
      domain.ledger.recordPublication(orderId);
      return { kind: 'ok' };
    }
    case 'refundPayment':
      domain.payments.refund(orderId, nowMs);
      return { kind: 'ok' };
    case 'releaseStock':
      domain.inventory.release(orderId);
      return { kind: 'ok' };
    case 'failOrder':
      return appendOutcome(
        domain.orders.execute(
          orderStreamId(orderId),
          (s) => decideFail(s, cmd.failureReason ?? 'unknown'),
          nowMs,
        ).ok,
      );
  }
}

function appendOutcome(ok: boolean): StepOutcome {
  return ok ? { kind: 'ok' } : { kind: 'rejected', reason: 'orderConflict' };
}

/**
 * Drives one step: performs the call (or reports the service unavailable), advances the saga, and
 * settles the ledger when the saga finishes. Returns undefined if the saga was already done.
 */
export function driveStep(
  domain: EcommerceDomain,
  saga: OrderSaga,
  rng: Rng,
  nowMs: number,
  unavailable = false,
): SagaTransition | undefined {
  const cmd = saga.command();
  if (!cmd) return undefined;
  const outcome: StepOutcome = unavailable ? { kind: 'unavailable' } : performStep(domain, cmd, rng, nowMs);
  const t = saga.advance(outcome, nowMs);
  if (saga.done) domain.ledger.finish(saga);
  return t;
}
