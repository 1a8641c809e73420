import { EventBus } from '../../components/events/eventBus';
import { EventStore } from '../../components/events/eventStore';
import type { Sfc32 } from '../../engine/rng';
import type { World } from '../../sim/world';
import { createDomain, type EcommerceDomain } from '../orderFlow';
import { generateSeedData, loadSeedData, type SeedOptions } from '../seedData';
import { SagaCallRegistry } from './sagaCalls';

/**
 * The shop every run starts with, generated from the run seed: enough stock that a minute at a
 * few hundred orders per second mostly succeeds, with a spread wide enough that the smallest
 * products sell out during a run (real out-of-stock failures), and a few inactive accounts.
 */
export const SHOP_SEED: SeedOptions = {
  users: 500,
  products: 40,
  stockMin: 20,
  stockMax: 3000,
  priceMinCents: 500,
  priceMaxCents: 40_000,
  inactiveShare: 0.01,
};

/** How often the inventory service restocks, and below which share of its seeded stock a product is refilled. */
export const RESTOCK_INTERVAL_MS = 10_000;
export const RESTOCK_BELOW_SHARE = 0.25;

/** Share of charges the payment provider declines. */
export const DECLINE_PROBABILITY = 0.02;

/** The e-commerce state of one run and what its services share to run the order saga. */
export interface DomainRuntime {
  readonly domain: EcommerceDomain;
  readonly calls: SagaCallRegistry;
  /** Draws of the domain (order parameters, payment declines), one stream per run. */
  readonly rng: Sfc32;
  readonly userIds: readonly string[];
  readonly productIds: readonly string[];
  nextOrder: number;
}

const contexts = new WeakMap<World, DomainRuntime>();

/** Whether the document models the e-commerce domain (some service sets `config.domain`). */
export function hasDomain(world: World): boolean {
  return world.document.nodes.some((n) => n.kind === 'service' && n.config.domain !== undefined);
}

/** The run's domain, if one was created. */
export function peekDomain(world: World): DomainRuntime | undefined {
  return contexts.get(world);
}

/** The event store the order service appends to: the store node it links to, else a private one. */
function orderStore(world: World): EventStore {
  const order = world.document.nodes.find((n) => n.kind === 'service' && n.config.domain === 'order');
  if (order) {
    for (const link of world.linksFrom(order.id)) {
      const store = (link.target as { eventStore?: unknown }).eventStore;
      if (store instanceof EventStore) return store;
    }
  }
  return new EventStore({ snapshotEvery: 50 });
}

/**
 * The run's one EcommerceDomain, created on first use (after every node and edge exists), seeded
 * deterministically from the run seed. Its order events go to the order service's event store node.
 */
export function domainOf(world: World): DomainRuntime {
  let ctx = contexts.get(world);
  if (ctx) return ctx;
  const domain = createDomain({
    // The order_created topic lives on the bus node; this private bus only serves documents without one.
    bus: new EventBus<unknown>(),
    store: orderStore(world),
    declineProbability: DECLINE_PROBABILITY,
  });
  const seed = generateSeedData(world.rng('domain:seed'), SHOP_SEED);
  loadSeedData(domain, seed);
  ctx = {
    domain,
    calls: new SagaCallRegistry(),
    rng: world.rng('domain:draws'),
    userIds: seed.users.map((u) => u.id),
    productIds: seed.products.map((p) => p.id),
    nextOrder: 1,
  };
  contexts.set(world, ctx);
  scheduleRestock(world, domain, seed.stock);
  return ctx;
}

/**
 * The inventory's periodic restock: products below a quarter of their seeded stock are refilled to
 * it, so long runs keep selling while the smallest products still sell out between deliveries.
 */
function scheduleRestock(world: World, domain: EcommerceDomain, seeded: ReadonlyMap<string, number>): void {
  const restock = () => {
    for (const [productId, stock] of seeded) {
      const onHand = domain.inventory.level(productId)?.onHand ?? stock;
      if (onHand < stock * RESTOCK_BELOW_SHARE) domain.inventory.restock(productId, stock - onHand);
    }
    if (world.sim.now + RESTOCK_INTERVAL_MS <= world.options.durationMs)
      world.sim.schedule(RESTOCK_INTERVAL_MS, restock, null);
  };
  if (RESTOCK_INTERVAL_MS <= world.options.durationMs) world.sim.schedule(RESTOCK_INTERVAL_MS, restock, null);
}
