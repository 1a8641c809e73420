import { describe, expect, it } from 'vitest';
import { nodeSchema, scenarioSchema, shopSchema } from '../../../core/model/schema';
import { checkEdit } from '../configPath';
import type { Field } from '../formSpec';
import { scenarioSections, shopSection } from './scenario';

const shopField = shopSection.fields[0] as Extract<Field, { t: 'optional' }>;
const service = (domain?: string) =>
  nodeSchema.parse({
    id: domain ?? 'plain',
    kind: 'service',
    label: 'service',
    position: { x: 0, y: 0 },
    config: domain ? { domain } : {},
  });

describe('the scenario form', () => {
  it('shows the shop only for a document with an e-commerce service', () => {
    const titles = (nodes: ReturnType<typeof service>[]) => scenarioSections(nodes).map((s) => s.title);
    expect(titles([service()])).toEqual(['Run']);
    expect(titles([service(), service('payment')])).toEqual(['Run', 'Shop']);
  });

  it('has one field for every shop setting', () => {
    expect(shopField.fields.map((f) => f.key).sort()).toEqual(Object.keys(shopSchema.shape).sort());
  });

  it('switching the shop on writes a valid shop, and switching it off removes it', () => {
    const scenario = scenarioSchema.parse({});
    const on = checkEdit(scenarioSchema, scenario, ['shop'], shopField.make({ firstId: () => '' }));
    expect(on.ok && (on.value as { shop?: unknown }).shop).toEqual(shopSchema.parse({}));
    const off = checkEdit(scenarioSchema, on.ok ? on.value : scenario, ['shop'], undefined);
    expect(off.ok && 'shop' in (off.value as object)).toBe(false);
  });

  it('refuses a stock minimum above the maximum, naming the field', () => {
    const scenario = scenarioSchema.parse({ shop: { stockMin: 1, stockMax: 5 } });
    const r = checkEdit(scenarioSchema, scenario, ['shop', 'stockMin'], 9);
    expect(r.ok ? 'accepted' : r.message).toMatch(/stockMax.*>= stockMin \(9\)/);
  });
});
