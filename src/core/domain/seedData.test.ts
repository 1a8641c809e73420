import { describe, expect, it } from 'vitest';
import { EventBus } from '../components/events/eventBus';
import { Sfc32 } from '../engine/rng';
import { createDomain } from './orderFlow';
import { generateSeedData, loadSeedData } from './seedData';

describe('seed data', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateSeedData(new Sfc32(5), { users: 20, products: 8 });
    const b = generateSeedData(new Sfc32(5), { users: 20, products: 8 });
    const c = generateSeedData(new Sfc32(6), { users: 20, products: 8 });
    expect(JSON.stringify([a.users, a.products, [...a.stock]])).toBe(
      JSON.stringify([b.users, b.products, [...b.stock]]),
    );
    expect(JSON.stringify(a.products)).not.toBe(JSON.stringify(c.products));
  });

  it('respects the requested sizes and ranges and loads into the services', () => {
    const data = generateSeedData(new Sfc32(1), {
      users: 7,
      products: 4,
      stockMin: 3,
      stockMax: 4,
      priceMinCents: 100,
      priceMaxCents: 200,
    });
    expect([data.users.length, data.products.length]).toEqual([7, 4]);
    expect(data.products.every((p) => p.priceCents >= 100 && p.priceCents <= 200)).toBe(true);
    expect([...data.stock.values()].every((s) => s === 3 || s === 4)).toBe(true);
    const d = createDomain({ bus: new EventBus() });
    loadSeedData(d, data);
    expect([d.users.size, d.catalog.size, d.inventory.level('p2')?.onHand]).toEqual([
      7,
      4,
      data.stock.get('p2'),
    ]);
  });
});
