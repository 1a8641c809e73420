import { describe, expect, it } from 'vitest';
import doc from '../../../../docs/diagram-format.md?raw';
import { SHOP_DEFAULTS, shopSchema } from '../../model/schema';
import { parseDocument, serializeDocument, validateDocument } from '../../model/validate';

const base = { format: 'archplay', version: 1, nodes: [], edges: [] };

/** The `path: message` lines a document with this `scenario.shop` is refused with (none when valid). */
function problems(shop: unknown): string[] {
  const r = validateDocument({ ...base, scenario: { shop } });
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('scenario.shop in the document', () => {
  it('is absent from a document that sets none, so its export stays as it was', () => {
    const r = validateDocument(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.scenario.shop).toBeUndefined();
    expect(serializeDocument(r.document)).not.toContain('"shop"');
  });

  it('fills every omitted field with the default shop', () => {
    expect(shopSchema.parse({})).toEqual(SHOP_DEFAULTS);
    expect(shopSchema.parse({ restockIntervalMs: 0 })).toEqual({ ...SHOP_DEFAULTS, restockIntervalMs: 0 });
  });

  it('survives export and import byte for byte', () => {
    const r = validateDocument({
      ...base,
      scenario: { shop: { stockMax: 3, stockMin: 1, declinedShare: 0.1 } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = serializeDocument(r.document);
    const again = parseDocument(text);
    expect(again.ok && serializeDocument(again.document)).toBe(text);
  });

  it('refuses a stock range whose minimum exceeds its maximum, naming both', () => {
    expect(problems({ stockMin: 10, stockMax: 3 })).toEqual([
      'scenario.shop.stockMax: must be >= stockMin (10), got 3',
    ]);
  });

  it('refuses a price range whose minimum exceeds its maximum', () => {
    expect(problems({ priceMinCents: 900, priceMaxCents: 200 })).toEqual([
      'scenario.shop.priceMaxCents: must be >= priceMinCents (900), got 200',
    ]);
  });

  it('refuses a shop without users or products', () => {
    expect(problems({ users: 0, products: 0 })).toEqual([
      'scenario.shop.users: expected an integer >= 1, got 0',
      'scenario.shop.products: expected an integer >= 1, got 0',
    ]);
  });

  it('refuses shares outside [0, 1]', () => {
    expect(problems({ inactiveShare: -0.1, restockBelowShare: 2, declinedShare: 1.5 })).toEqual([
      'scenario.shop.inactiveShare: expected a number >= 0, got -0.1',
      'scenario.shop.restockBelowShare: expected a number <= 1, got 2',
      'scenario.shop.declinedShare: expected a number <= 1, got 1.5',
    ]);
    expect(problems({ inactiveShare: 0, restockBelowShare: 1, declinedShare: 1 })).toEqual([]);
  });

  it('refuses a restock interval short enough to flood the run, and accepts 0 (never)', () => {
    expect(problems({ restockIntervalMs: 5 })).toEqual([
      'scenario.shop.restockIntervalMs: must be 0 (never restock) or at least 100 ms',
    ]);
    expect(problems({ restockIntervalMs: 0 })).toEqual([]);
  });

  it('refuses fractional counts and unknown fields', () => {
    expect(problems({ stockMin: 1.5, discountShare: 0.1 })).toEqual([
      'scenario.shop.stockMin: expected an integer, got 1.5',
      'scenario.shop.discountShare: unknown field (not part of the format)',
    ]);
  });

  it('is documented in docs/diagram-format.md, every field', () => {
    const section = doc.slice(doc.indexOf('`scenario.shop`'));
    const missing = Object.keys(shopSchema.shape).filter((field) => !section.includes(`\`${field}\``));
    expect(missing).toEqual([]);
  });
});
