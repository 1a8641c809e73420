import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import type { World } from '../../sim/world';
import { domainOf } from './domainContext';
import { shopDocument } from './shopSketch.testkit';

const shopArb = fc
  .record({
    users: fc.integer({ min: 1, max: 50 }),
    products: fc.integer({ min: 1, max: 12 }),
    stockMin: fc.integer({ min: 0, max: 6 }),
    stockSpread: fc.integer({ min: 0, max: 30 }),
    priceMinCents: fc.integer({ min: 0, max: 2000 }),
    priceSpreadCents: fc.integer({ min: 0, max: 5000 }),
    inactiveShare: fc.constantFrom(0, 0.1, 0.5),
    restockIntervalMs: fc.constantFrom(0, 100, 400, 1500),
    restockBelowShare: fc.constantFrom(0, 0.25, 1),
    declinedShare: fc.constantFrom(0, 0.1, 0.5, 1),
  })
  .map(({ stockSpread, priceSpreadCents, ...s }) => ({
    ...s,
    stockMax: s.stockMin + stockSpread,
    priceMaxCents: s.priceMinCents + priceSpreadCents,
  }));

describe('a configured shop through the runtime', () => {
  it('keeps stock conserved and never negative, whatever the shop', () => {
    fc.assert(
      fc.property(
        fc.record({ seed: fc.nat(1000), ratePerSec: fc.integer({ min: 20, max: 120 }), shop: shopArb }),
        ({ seed, ratePerSec, shop }) => {
          const run = createRun(shopDocument({ seed, ratePerSec, shop, durationSec: 2 }));
          run.runToEnd();
          const s = run.summary();
          expect(s.invariants.violations).toEqual([]);
          const ctx = domainOf((run as unknown as { world: World }).world);
          for (const l of ctx.domain.inventory.allLevels()) {
            const seeded = ctx.seededStock.get(l.productId)!;
            expect(Math.min(l.onHand, l.reserved, l.sold)).toBeGreaterThanOrEqual(0);
            expect(l.onHand + l.reserved + l.sold).toBe(l.received);
            expect(seeded).toBeGreaterThanOrEqual(shop.stockMin);
            expect(seeded).toBeLessThanOrEqual(shop.stockMax);
            if (shop.restockIntervalMs === 0) expect(l.received).toBe(seeded);
          }
          const orders = s.orders!;
          expect(orders.placed).toBe(orders.confirmed + orders.failed + orders.inFlight);
          if (shop.declinedShare === 1) expect(orders.confirmed).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});
