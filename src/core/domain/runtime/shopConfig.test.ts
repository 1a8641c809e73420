import { describe, expect, it } from 'vitest';
import { SHOP_DEFAULTS } from '../../model/schema';
import { createRun, type Run } from '../../run/createRun';
import type { World } from '../../sim/world';
import { type DomainRuntime, domainOf } from './domainContext';
import { type ShopSketchOptions, shopDocument } from './shopSketch.testkit';

interface Outcome {
  run: Run;
  ctx: DomainRuntime;
}

function runShop(o: ShopSketchOptions): Outcome {
  const run = createRun(shopDocument({ durationSec: 3, ratePerSec: 40, seed: 3, ...o }));
  run.runToEnd();
  return { run, ctx: domainOf((run as unknown as { world: World }).world) };
}

const ordersOf = (o: Outcome) => o.run.summary().orders!;
const outOfStock = (o: Outcome) => ordersOf(o).failedByReason.insufficientStock ?? 0;

describe('the configured shop of a run', () => {
  it('a scarce catalogue without restocking fails many more orders out of stock than the default shop', () => {
    const base = runShop({});
    const scarce = runShop({ shop: { stockMin: 1, stockMax: 3, restockIntervalMs: 0 } });
    expect(ordersOf(scarce).placed).toBe(ordersOf(base).placed);
    expect(outOfStock(scarce)).toBeGreaterThan(5 * (outOfStock(base) + 1));
    expect(outOfStock(scarce)).toBeGreaterThan(ordersOf(scarce).placed / 4);
    for (const level of scarce.ctx.domain.inventory.allLevels())
      expect(level.received).toBeLessThanOrEqual(3);
    expect(scarce.run.summary().invariants).toEqual({ ok: true, violations: [] });
  });

  it('a provider declining half the charges declines about half the orders that reach payment', () => {
    const half = runShop({ durationSec: 5, ratePerSec: 80, shop: { declinedShare: 0.5 } });
    const base = runShop({ durationSec: 5, ratePerSec: 80 });
    const declinedShare = (o: Outcome) => {
      const t = o.ctx.domain.payments.totals;
      return t.declines / (t.charges + t.declines);
    };
    expect(half.ctx.domain.payments.totals.charges).toBeGreaterThan(100);
    expect(declinedShare(half)).toBeGreaterThan(0.4);
    expect(declinedShare(half)).toBeLessThan(0.6);
    expect(declinedShare(base)).toBeLessThan(0.1);
    const orders = ordersOf(half);
    expect(orders.failedByReason.paymentDeclined).toBe(half.ctx.domain.payments.totals.declines);
    expect(half.run.summary().invariants).toEqual({ ok: true, violations: [] });
  });

  it('a restock interval of 0 never restocks: every product has received only its seeded stock', () => {
    const shop = { stockMin: 5, stockMax: 20, restockIntervalMs: 0 };
    const never = runShop({ durationSec: 25, ratePerSec: 60, shop });
    const often = runShop({ durationSec: 25, ratePerSec: 60, shop: { ...shop, restockIntervalMs: 1000 } });
    const restocked = (o: Outcome) =>
      o.ctx.domain.inventory
        .allLevels()
        .filter((l) => l.received !== o.ctx.seededStock.get(l.productId))
        .map((l) => l.productId);
    // The same seed draws the same shop, and with restocks the sold-out products come back.
    expect([...never.ctx.seededStock]).toEqual([...often.ctx.seededStock]);
    expect(restocked(often).length).toBeGreaterThan(0);
    expect(restocked(never)).toEqual([]);
    expect(outOfStock(never)).toBeGreaterThan(outOfStock(often));
    expect(never.run.summary().invariants).toEqual({ ok: true, violations: [] });
    expect(often.run.summary().invariants).toEqual({ ok: true, violations: [] });
  });

  it('seeds the configured sizes and ranges', () => {
    const shop = { users: 7, products: 3, stockMin: 4, stockMax: 6, priceMinCents: 100, priceMaxCents: 100 };
    const o = runShop({ shop });
    expect(o.ctx.userIds).toHaveLength(7);
    expect(o.ctx.productIds).toEqual(['p1', 'p2', 'p3']);
    for (const stock of o.ctx.seededStock.values())
      expect(stock === 4 || stock === 5 || stock === 6).toBe(true);
    for (const id of o.ctx.productIds) expect(o.ctx.domain.catalog.get(id)?.priceCents).toBe(100);
  });

  it('an absent shop runs exactly like the default shop spelled out, and another shop differs', () => {
    const summary = (o: ShopSketchOptions) => JSON.stringify(runShop(o).run.summary());
    const absent = summary({});
    expect(summary({ shop: {} })).toBe(absent);
    expect(summary({ shop: { ...SHOP_DEFAULTS } })).toBe(absent);
    expect(summary({ shop: { declinedShare: 0.3 } })).not.toBe(absent);
  });

  it('the same document and seed give the same run with a configured shop', () => {
    const shop = { stockMin: 1, stockMax: 8, restockIntervalMs: 500, declinedShare: 0.2 };
    const a = JSON.stringify(runShop({ shop }).run.summary());
    expect(JSON.stringify(runShop({ shop }).run.summary())).toBe(a);
    expect(JSON.stringify(runShop({ shop, seed: 4 }).run.summary())).not.toBe(a);
  });
});
