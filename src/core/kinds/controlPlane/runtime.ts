import { ControlPlaneRuntime, type ControlPlaneSummary } from '../../components/runtimes/controlPlaneRuntime';
import type { KindRuntime } from '../kindRuntime';

/** A control plane's summary section: its propagation delay, each proxy's rules version, the pushes. */
export type ControlPlaneSection = { controlPlane: ControlPlaneSummary };

/** A mesh control plane pushes rule changes to its proxies after its propagation delay. */
export const controlPlaneRuntime: KindRuntime<'controlPlane', ControlPlaneSection> = {
  create: (world, node) => new ControlPlaneRuntime(world, node),
};
