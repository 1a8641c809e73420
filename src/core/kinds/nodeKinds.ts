/**
 * Every node kind, in palette and schema order. A kind is defined by its files in
 * src/core/kinds/<kind>/ and src/ui/kinds/<kind>.tsx; adding one starts with its name here, and every
 * registry typed `{ [K in NodeKind]: ... }` then refuses to compile until the kind has its entry.
 */
export const nodeKinds = [
  'client',
  'gateway',
  'service',
  'proxy',
  'controlPlane',
  'registry',
  'configServer',
  'eventBus',
  'eventProcessor',
  'eventStore',
  'readModel',
  'logRouter',
  'logProcessor',
  'logStore',
] as const;

/** A node kind. */
export type NodeKind = (typeof nodeKinds)[number];

/**
 * A map with one entry per kind, in {@link nodeKinds} order: `entry(kind)` returns that kind's own
 * entry, and `M` names each kind's entry type. The compiler cannot follow a kind through a loop, so
 * this is the one place where a per-kind map is asserted rather than checked: keep `entry` a plain
 * lookup in the kind's registry entry.
 */
export function byKind<M extends { [K in NodeKind]: unknown }>(entry: (kind: NodeKind) => unknown): M {
  return Object.fromEntries(nodeKinds.map((kind) => [kind, entry(kind)])) as M;
}

/** The entries of a per-kind map in {@link nodeKinds} order, as a non-empty tuple (zod unions take one). */
export function kindEntries<M extends { [K in NodeKind]: unknown }>(map: M): [M[NodeKind], ...M[NodeKind][]] {
  const [first, ...rest] = nodeKinds.map((kind) => map[kind]);
  return [first!, ...rest];
}
