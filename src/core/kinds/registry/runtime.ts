import { RegistryRuntime, type RegistrySummary } from '../../components/runtimes/registryRuntime';
import type { KindRuntime } from '../kindRuntime';

/** A registry's summary section: members per service and the membership history. */
export type RegistrySection = { registry: RegistrySummary };

/** A service registry keeps the leases of the nodes linked to it and evicts the expired ones. */
export const registryRuntime: KindRuntime<'registry', RegistrySection> = {
  create: (world, node) => new RegistryRuntime(world, node),
};
