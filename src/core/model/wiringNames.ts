import type { ArchNode } from './schema';

/** Words of a label, lower-cased, without a trailing "service" when something else names it. */
function words(label: string): string[] {
  const all = label
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  if (all.length > 1 && (all.at(-1) === 'service' || all.at(-1) === 'svc')) all.pop();
  return all;
}

/** A simple English plural of a word ("order" -> "orders", "inventory" -> "inventories"). */
function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return word.endsWith('s') ? word : `${word}es`;
  return `${word}s`;
}

/** The node's name as kebab-case words ("Order service" -> "order"); its id when the label has none. */
export function slugOf(node: ArchNode): string {
  const w = words(node.label);
  return w.length > 0 ? w.join('-') : node.id.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * The path a gateway route to `node` gets: `/` and the node's name in the plural when it ends in a
 * word ("Order service" -> "/orders", "Service 2" -> "/service-2").
 */
export function routePathOf(node: ArchNode): string {
  const slug = slugOf(node);
  return `/${/[a-z]$/.test(slug) ? slug.replace(/[a-z]+$/, plural) : slug}`;
}

/** The node's name in PascalCase ("Order service" -> "Order"), for event types. */
export function pascalOf(node: ArchNode): string {
  return slugOf(node)
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** `base`, or `base-2`, `base-3`, … : the first not in `taken`. */
export function freshName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
