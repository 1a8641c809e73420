import type { ArchDocument, ArchNode } from './schema';
import { servingService } from './wiringEdits';

/** The domains whose services the e-commerce order saga calls over its links. */
const sagaDomains: ReadonlySet<string | undefined> = new Set(['user', 'product', 'inventory', 'payment']);

/**
 * Whether the order saga of `source` uses its link to `target` by itself (docs/diagram-format.md, the
 * e-commerce domain): it calls the user, product, inventory and payment services (or their
 * sidecars), appends to its event store and publishes on its bus, with no step naming them.
 */
export function sagaUses(doc: ArchDocument, source: ArchNode, target: ArchNode): boolean {
  if (source.kind !== 'service' || source.config.domain !== 'order') return false;
  if (target.kind === 'eventStore' || target.kind === 'eventBus') return true;
  return sagaDomains.has(servingService(doc, target)?.config.domain);
}
