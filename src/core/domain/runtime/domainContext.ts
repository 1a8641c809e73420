import { EventBus } from '../../components/events/eventBus';
import { EventStore } from '../../components/events/eventStore';
import type { Sfc32 } from '../../engine/rng';
import { SHOP_DEFAULTS, type Shop } from '../../model/schema';
import type { World } from '../../sim/world';
import { createDomain, type EcommerceDomain } from '../orderFlow';
import { generateSeedData, loadSeedData, type SeedOptions } from '../seedData';
import { SagaCallRegistry } from './sagaCalls';

/** The shop of a run: the document's `scenario.shop`, or the default shop when it sets none. */
function shopOf(world: World): Shop {
  return world.document.scenario.shop ?? SHOP_DEFAULTS;
}

/** Sizes and ranges of the seed data a shop generates. */
function seedOptionsOf(shop: Shop): SeedOptions {
  return {
    users: shop.users,
    products: shop.products,
    stockMin: shop.stockMin,
    stockMax: shop.stockMax,
    priceMinCents: shop.priceMinCents,
    priceMaxCents: shop.priceMaxCents,
    inactiveShare: shop.inactiveShare,
  };
}

/** The e-commerce state of one run and what its services share to run the order saga. */
export interface DomainRuntime {
  readonly domain: EcommerceDomain;
  readonly calls: SagaCallRegistry;
  /** Draws of the domain (order parameters, payment declines), one stream per run. */
  readonly rng: Sfc32;
  readonly userIds: readonly string[];
  readonly productIds: readonly string[];
  /** Each product's seeded stock: what a restock refills to (`received` above it counts restocks). */
  readonly seededStock: ReadonlyMap<string, number>;
  nextOrder: number;
}

const contexts = new WeakMap<World, DomainRuntime>();

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
  const shop = shopOf(world);
  const domain = createDomain({
    // The order_created topic lives on the bus node; this private bus only serves documents without one.
    bus: new EventBus<unknown>(),
    store: orderStore(world),
    declineProbability: shop.declinedShare,
  });
  const seed = generateSeedData(world.rng('domain:seed'), seedOptionsOf(shop));
  loadSeedData(domain, seed);
  ctx = {
    domain,
    calls: new SagaCallRegistry(),
    rng: world.rng('domain:draws'),
    userIds: seed.users.map((u) => u.id),
    productIds: seed.products.map((p) => p.id),
    seededStock: seed.stock,
    nextOrder: 1,
  };
  contexts.set(world, ctx);
  scheduleRestock(world, ctx, shop);
  return ctx;
}

/**
 * The inventory's periodic restock: products below `restockBelowShare` of their seeded stock are
 * refilled to it, so long runs keep selling while the smallest products still sell out between
 * deliveries. An interval of 0 never restocks: stock only runs down.
 */
function scheduleRestock(world: World, ctx: DomainRuntime, shop: Shop): void {
  const intervalMs = shop.restockIntervalMs;
  if (intervalMs <= 0) return;
  const inventory = ctx.domain.inventory;
  const restock = () => {
    for (const [productId, stock] of ctx.seededStock) {
      const onHand = inventory.level(productId)?.onHand ?? stock;
      if (onHand < stock * shop.restockBelowShare) inventory.restock(productId, stock - onHand);
    }
    if (world.sim.now + intervalMs <= world.options.durationMs) world.sim.schedule(intervalMs, restock, null);
  };
  if (intervalMs <= world.options.durationMs) world.sim.schedule(intervalMs, restock, null);
}
