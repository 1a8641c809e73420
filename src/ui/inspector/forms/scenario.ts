import { type ArchNode, SHOP_DEFAULTS } from '../../../core/model/schema';
import type { Section } from '../formSpec';

/** Document-level settings shown when nothing is selected. */
const scenarioForm: Section[] = [
  {
    title: 'Run',
    fields: [
      { t: 'num', key: 'durationSec', label: 'Duration', unit: 's', min: 0, max: 86400 },
      { t: 'num', key: 'warmupSec', label: 'Warm-up', unit: 's', min: 0 },
      { t: 'int', key: 'seed', label: 'Seed', min: 0, help: 'Same diagram + same seed = same run.' },
    ],
  },
];

const d = SHOP_DEFAULTS;

/**
 * The seeded e-commerce shop. Absent means the default shop, so it is an optional setting like a
 * gateway's rate limit: switching it on writes the defaults, switching it off removes it.
 */
export const shopSection: Section = {
  title: 'Shop',
  fields: [
    {
      t: 'optional',
      key: 'shop',
      label: 'Custom shop',
      make: () => ({ ...SHOP_DEFAULTS }),
      help: `Off: the default shop, ${d.users} users, ${d.products} products with ${d.stockMin}–${d.stockMax} units each, restocked every ${d.restockIntervalMs / 1000} s, ${d.declinedShare * 100} % of charges declined.`,
      fields: [
        { t: 'int', key: 'users', label: 'Users', min: 1, max: 100_000 },
        { t: 'int', key: 'products', label: 'Products', min: 1, max: 10_000 },
        { t: 'int', key: 'stockMin', label: 'Stock min', unit: 'units', min: 0 },
        { t: 'int', key: 'stockMax', label: 'Stock max', unit: 'units', min: 0 },
        { t: 'int', key: 'priceMinCents', label: 'Price min', unit: 'cents', min: 0 },
        { t: 'int', key: 'priceMaxCents', label: 'Price max', unit: 'cents', min: 0 },
        {
          t: 'num',
          key: 'inactiveShare',
          label: 'Inactive users',
          unit: '0–1',
          min: 0,
          max: 1,
          step: 0.01,
        },
        {
          t: 'num',
          key: 'restockIntervalMs',
          label: 'Restock every',
          unit: 'ms',
          min: 0,
          help: '0 never restocks.',
        },
        {
          t: 'num',
          key: 'restockBelowShare',
          label: 'Restock below',
          unit: '0–1',
          min: 0,
          max: 1,
          step: 0.05,
          help: 'Share of its seeded stock under which a product is refilled.',
        },
        {
          t: 'num',
          key: 'declinedShare',
          label: 'Declined charges',
          unit: '0–1',
          min: 0,
          max: 1,
          step: 0.01,
        },
      ],
    },
  ],
};

/** Whether a document models the e-commerce domain, the only case where its shop matters. */
function hasShop(nodes: readonly ArchNode[]): boolean {
  return nodes.some((n) => n.kind === 'service' && n.config.domain !== undefined);
}

/** The scenario form of a document: the run settings, and the shop when it has an e-commerce service. */
export function scenarioSections(nodes: readonly ArchNode[]): Section[] {
  return hasShop(nodes) ? [...scenarioForm, shopSection] : scenarioForm;
}
