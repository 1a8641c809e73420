/**
 * Runtimes of the infrastructure node kinds (API gateway, sidecar proxy, service registry, config
 * server, mesh control plane) and the managed wrapper that lets services join a registry and take
 * config keys; `resilienceNodeFactories` plugs them into a run's kind -> runtime table.
 */
import type { NodeKind } from '../../model/schema';
import type { NodeRuntimeFactory } from '../../sim/nodeFactories';
import { ConfigServerRuntime } from './configServerRuntime';
import { ControlPlaneRuntime } from './controlPlaneRuntime';
import { gatewayRuntime } from './gateway';
import { proxyRuntime } from './proxy';
import { RegistryRuntime } from './registryRuntime';

export { CONFIG_PUSH_DELAY_MS, ConfigServerRuntime } from './configServerRuntime';
export { ControlPlaneRuntime } from './controlPlaneRuntime';
export { DiscoveryView } from './discoveryView';
export { GatewayRuntime, gatewayRuntime } from './gateway';
export {
  type ConfigurableRuntime,
  isConfigurable,
  isRegistryMember,
  ManagedRuntime,
  managed,
  type RegistryMember,
} from './managedRuntime';
export { OUTGOING_KEYS, OutgoingSettings } from './outgoingSettings';
export { ProxyRuntime, proxyRuntime } from './proxy';
export { RegistryRuntime } from './registryRuntime';

/** The node kinds whose runtimes live here. */
export type ResilienceKind = Extract<
  NodeKind,
  'gateway' | 'proxy' | 'registry' | 'configServer' | 'controlPlane'
>;

/** The runtimes of this folder by node kind (services are wrapped with {@link managed} instead). */
export const resilienceNodeFactories: Record<ResilienceKind, NodeRuntimeFactory> = {
  gateway: gatewayRuntime,
  proxy: proxyRuntime,
  registry: (world, node) => new RegistryRuntime(world, node),
  configServer: (world, node) => new ConfigServerRuntime(world, node),
  controlPlane: (world, node) => new ControlPlaneRuntime(world, node),
};
