import type { Rng } from '../engine/rng';
import type { Product } from './catalog';
import type { EcommerceDomain } from './orderFlow';
import type { User } from './users';

/** Sizes and ranges of generated seed data. */
export interface SeedOptions {
  readonly users: number;
  readonly products: number;
  /** Inclusive range of initial stock per product. */
  readonly stockMin?: number;
  readonly stockMax?: number;
  /** Inclusive range of prices in cents. */
  readonly priceMinCents?: number;
  readonly priceMaxCents?: number;
  /** Share of users created inactive. */
  readonly inactiveShare?: number;
}

/** Generated users and products with their initial stock. */
export interface SeedData {
  readonly users: readonly User[];
  readonly products: readonly Product[];
  readonly stock: ReadonlyMap<string, number>;
}

const NAMES = ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken', 'Margaret', 'Dennis', 'Frances', 'Edsger', 'Radia'];
const GOODS = [
  'Keyboard',
  'Mouse',
  'Monitor',
  'Cable',
  'Laptop',
  'Headset',
  'Webcam',
  'Dock',
  'Lamp',
  'Chair',
];

function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1));
}

/** Generates seed data deterministically from an Rng (same seed, same shop). */
export function generateSeedData(rng: Rng, options: SeedOptions): SeedData {
  const users: User[] = [];
  for (let i = 0; i < options.users; i++) {
    const name = `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`;
    users.push({ id: `u${i + 1}`, name, active: rng.next() >= (options.inactiveShare ?? 0) });
  }
  const products: Product[] = [];
  const stock = new Map<string, number>();
  for (let i = 0; i < options.products; i++) {
    const id = `p${i + 1}`;
    const priceCents = between(rng, options.priceMinCents ?? 500, options.priceMaxCents ?? 50_000);
    products.push({ id, name: `${GOODS[i % GOODS.length]} ${Math.floor(i / GOODS.length) + 1}`, priceCents });
    stock.set(id, between(rng, options.stockMin ?? 10, options.stockMax ?? 100));
  }
  return { users, products, stock };
}

/** Loads seed data into a domain's user, product and inventory services. */
export function loadSeedData(domain: EcommerceDomain, data: SeedData): void {
  for (const u of data.users) domain.users.add(u);
  for (const p of data.products) {
    domain.catalog.add(p);
    domain.inventory.addProduct(p.id, data.stock.get(p.id) ?? 0);
  }
}
