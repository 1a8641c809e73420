import type { ArchDocument, ArchNode } from '../core/model/schema';

// Keys whose string value names another node. An array entry holding one of these pointing at a
// removed node is dropped (a step, a route, a subscription, a fault); a plain field is unset.
const entryRefKeys = ['target', 'bus', 'nodeId', 'a', 'b', 'service'];
const optionalRefKeys = ['attachedTo', 'source'];

type Json = unknown;

function scrub(value: Json, removed: ReadonlySet<string>): Json {
  if (Array.isArray(value)) {
    const kept = value.filter((item) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return true;
      const record = item as Record<string, unknown>;
      return !entryRefKeys.some((k) => typeof record[k] === 'string' && removed.has(record[k] as string));
    });
    const mapped = kept.map((item) => scrub(item, removed));
    // A mesh route whose every destination is gone routes nowhere: drop it with them.
    return mapped.filter(
      (item) =>
        !(
          item &&
          typeof item === 'object' &&
          'destinations' in item &&
          (item as { destinations: unknown[] }).destinations.length === 0
        ),
    );
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (optionalRefKeys.includes(key) && typeof child === 'string' && removed.has(child)) continue;
    out[key] = scrub(child, removed);
  }
  return out;
}

/**
 * The document after nodes `removed` are gone: steps, routes, subscriptions, config key sets and
 * scenario entries that named them are removed too, so the diagram stays valid and re-importable.
 */
export function scrubReferences(doc: ArchDocument, removed: ReadonlySet<string>): ArchDocument {
  if (removed.size === 0) return doc;
  const nodes = doc.nodes.map((node) => {
    let config = scrub(node.config, removed) as Record<string, unknown>;
    if (node.kind === 'configServer') {
      const keys = Object.fromEntries(Object.entries(node.config.keys).filter(([id]) => !removed.has(id)));
      config = { ...config, keys };
    }
    return JSON.stringify(config) === JSON.stringify(node.config) ? node : ({ ...node, config } as ArchNode);
  });
  const scenario = scrub(doc.scenario, removed) as ArchDocument['scenario'];
  return { ...doc, nodes, scenario };
}
