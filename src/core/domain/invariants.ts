import type { EventBus } from '../components/events/eventBus';
import type { EventStore } from '../components/events/eventStore';
import { equalsReplay, type Projection } from '../components/events/projection';
import type { Inventory } from './inventory';
import { orderAggregate } from './order';
import type { OrderLedger } from './orderLedger';

/** Names of the invariants a run reports. */
type InvariantName =
  | 'stockConserved'
  | 'orderPlacedOnce'
  | 'paidOrderPublishedOnce'
  | 'streamVersionsContiguous'
  | 'readModelEqualsReplay'
  | 'noMessageLost';

/** One broken invariant, with a message that names the thing and the numbers. */
export interface Violation {
  readonly invariant: InvariantName;
  readonly message: string;
}

/** Stock is never negative, received = onHand + reserved + sold, and reserved matches open reservations. */
export function checkStock(inventory: Inventory): Violation[] {
  const out: Violation[] = [];
  const held = new Map<string, number>();
  for (const r of inventory.openReservations())
    held.set(r.productId, (held.get(r.productId) ?? 0) + r.quantity);
  for (const l of inventory.allLevels()) {
    const v = (message: string) =>
      out.push({ invariant: 'stockConserved', message: `product ${l.productId}: ${message}` });
    if (l.onHand < 0 || l.reserved < 0 || l.sold < 0)
      v(`negative stock (onHand ${l.onHand}, reserved ${l.reserved}, sold ${l.sold})`);
    if (l.onHand + l.reserved + l.sold !== l.received) {
      v(`received ${l.received} != onHand ${l.onHand} + reserved ${l.reserved} + sold ${l.sold}`);
    }
    if ((held.get(l.productId) ?? 0) !== l.reserved) {
      v(`reserved ${l.reserved} != open reservations ${held.get(l.productId) ?? 0}`);
    }
  }
  return out;
}

/** Versions in every stream run 1, 2, 3, ... without gaps, and global positions rise by exactly 1. */
export function checkStreamVersions(store: EventStore): Violation[] {
  const out: Violation[] = [];
  for (const id of store.streamIds()) {
    let expected = store.firstRetainedVersion(id);
    for (const e of store.readStream(id)) {
      if (e.version !== expected) {
        out.push({
          invariant: 'streamVersionsContiguous',
          message: `stream ${id}: version ${e.version} where ${expected} was expected`,
        });
        break;
      }
      expected++;
    }
    if (expected - 1 !== store.version(id) && out.length === 0) {
      out.push({
        invariant: 'streamVersionsContiguous',
        message: `stream ${id}: ends at ${expected - 1}, version says ${store.version(id)}`,
      });
    }
  }
  let position = store.firstRetainedPosition;
  for (const e of store.readAll()) {
    if (e.position !== position++) {
      out.push({
        invariant: 'streamVersionsContiguous',
        message: `global position ${e.position} where ${position - 1} was expected`,
      });
      break;
    }
  }
  return out;
}

/**
 * Every order stream starts with exactly one OrderPlaced; every paid, kept order (CONFIRMED) has
 * exactly one order_created once its saga finished; no other order was ever published. Orders past
 * the ledger's window are covered by the counters it updated exactly when each of them finished.
 */
export function checkOrders(store: EventStore, ledger: OrderLedger): Violation[] {
  const out: Violation[] = [];
  for (const id of store.streamIds()) {
    if (!id.startsWith('order-') || store.firstRetainedVersion(id) !== 1) continue;
    const events = store.readStream(id);
    let state = orderAggregate.initial(id);
    for (const e of events) state = orderAggregate.apply(state, e);
    const orderId = state.orderId;
    if (state.placedCount !== 1 || events[0]?.type !== 'OrderPlaced') {
      out.push({
        invariant: 'orderPlacedOnce',
        message: `order ${orderId}: ${state.placedCount} OrderPlaced events (first: ${events[0]?.type})`,
      });
    }
    // Orders the ledger no longer tracks were checked exactly when they finished (its counters).
    if (!ledger.tracks(orderId)) continue;
    const published = ledger.publicationsOf(orderId);
    const charged = events.filter((e) => e.type === 'PaymentCharged').length;
    if (state.status === 'CONFIRMED') {
      if (charged !== 1)
        out.push({
          invariant: 'paidOrderPublishedOnce',
          message: `order ${orderId}: ${charged} PaymentCharged events`,
        });
      const allowed = ledger.open.has(orderId) ? [0, 1] : [1];
      if (!allowed.includes(published)) {
        out.push({
          invariant: 'paidOrderPublishedOnce',
          message: `confirmed order ${orderId}: ${published} order_created messages`,
        });
      }
    } else if (published > 0) {
      out.push({
        invariant: 'paidOrderPublishedOnce',
        message: `order ${orderId} in status ${state.status} published ${published} order_created`,
      });
    }
  }
  for (const [orderId, n] of ledger.publishedOrders()) {
    // A stream the store has forgotten (archived and retired long ago) cannot be told from none.
    if (store.version(`order-${orderId}`) === 0 && store.forgottenStreams === 0) {
      out.push({
        invariant: 'paidOrderPublishedOnce',
        message: `order_created x${n} for order ${orderId} that has no stream`,
      });
    }
  }
  out.push(...checkLedgerCounters(ledger));
  return out;
}

/** The publication rule over every finished order, from the counters the ledger keeps exactly. */
function checkLedgerCounters(ledger: OrderLedger): Violation[] {
  const out: Violation[] = [];
  const v = (message: string) => out.push({ invariant: 'paidOrderPublishedOnce', message });
  if (ledger.confirmedWithoutOnePublication > 0)
    v(`${ledger.confirmedWithoutOnePublication} confirmed orders finished without exactly one order_created`);
  if (ledger.failedButPublished > 0) v(`${ledger.failedButPublished} failed orders published order_created`);
  if (ledger.publishedOutsideSaga > 0)
    v(`${ledger.publishedOutsideSaga} order_created published outside an open order saga`);
  return out;
}

/** A projection's read model equals a fresh replay of its store up to its checkpoint. */
export function checkReadModel<D>(name: string, projection: Projection<D>, store: EventStore): Violation[] {
  const r = equalsReplay(projection, store);
  return r.status === 'different'
    ? [
        {
          invariant: 'readModelEqualsReplay',
          message: `read model ${name} differs from a replay: ${r.difference}`,
        },
      ]
    : [];
}

/**
 * For every topic and group: published = acked + dead-lettered + pending, where published counts
 * messages since the group started, pending = log end - committed offset, and nothing expired.
 */
export function checkMessages<T>(bus: EventBus<T>): Violation[] {
  const out: Violation[] = [];
  for (const topic of bus.topicNames()) {
    for (const g of bus.metrics(topic).groups) {
      const where = `topic ${topic}, group ${g.group}`;
      for (const p of g.partitions) {
        const accounted = p.acked + p.deadLettered + p.expired + p.lag;
        if (p.published !== accounted || p.lag < 0) {
          out.push({
            invariant: 'noMessageLost',
            message: `${where}, partition ${p.partition}: published ${p.published} != acked ${p.acked} + dead-lettered ${p.deadLettered} + expired ${p.expired} + pending ${p.lag}`,
          });
        }
      }
      if (g.expired > 0)
        out.push({
          invariant: 'noMessageLost',
          message: `${where}: ${g.expired} messages expired unconsumed (retention)`,
        });
    }
  }
  return out;
}

/** Everything a run can be checked against; absent parts are skipped. */
export interface InvariantInput {
  readonly inventory?: Inventory;
  readonly store?: EventStore;
  readonly ledger?: OrderLedger;
  readonly projections?: readonly { readonly name: string; readonly projection: Projection<unknown> }[];
  readonly bus?: EventBus<unknown>;
}

/** The summary's `invariants` section. */
export interface InvariantReport {
  readonly ok: boolean;
  readonly checked: readonly InvariantName[];
  readonly violations: readonly Violation[];
}

/** Runs every invariant that applies to the given state. */
export function checkInvariants(input: InvariantInput): InvariantReport {
  const checked: InvariantName[] = [];
  const violations: Violation[] = [];
  const run = (names: InvariantName[], found: Violation[]) => {
    checked.push(...names);
    violations.push(...found);
  };
  if (input.inventory) run(['stockConserved'], checkStock(input.inventory));
  if (input.store) run(['streamVersionsContiguous'], checkStreamVersions(input.store));
  if (input.store && input.ledger)
    run(['orderPlacedOnce', 'paidOrderPublishedOnce'], checkOrders(input.store, input.ledger));
  if (input.store && input.projections) {
    const found = input.projections.flatMap((p) => checkReadModel(p.name, p.projection, input.store!));
    run(['readModelEqualsReplay'], found);
  }
  if (input.bus) run(['noMessageLost'], checkMessages(input.bus));
  return { ok: violations.length === 0, checked, violations };
}
