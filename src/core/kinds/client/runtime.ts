import { ClientRuntime } from '../../sim/client';
import type { NoSection } from '../../sim/types';
import type { KindRuntime } from '../kindRuntime';

/** A client sends its workload; it adds nothing to its summary entry (the run's `requests` totals it). */
export const clientRuntime: KindRuntime<'client', NoSection> = {
  create: (world, node) => new ClientRuntime(world, node),
};
