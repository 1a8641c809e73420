import type { NoSection } from '../sim/types';
import { clientRuntime } from './client/runtime';
import { type ConfigServerSection, configServerRuntime } from './configServer/runtime';
import { type ControlPlaneSection, controlPlaneRuntime } from './controlPlane/runtime';
import { type EventBusSection, eventBusRuntime } from './eventBus/runtime';
import { type EventProcessorSection, eventProcessorRuntime } from './eventProcessor/runtime';
import { type EventStoreSection, eventStoreRuntime } from './eventStore/runtime';
import { type GatewaySection, gatewayRuntime } from './gateway/runtime';
import type { KindRuntime } from './kindRuntime';
import { type LogProcessorSection, logProcessorRuntime } from './logProcessor/runtime';
import { type LogRouterSection, logRouterRuntime } from './logRouter/runtime';
import { type LogStoreSection, logStoreRuntime } from './logStore/runtime';
import type { NodeKind } from './nodeKinds';
import { type ProxySection, proxyRuntime } from './proxy/runtime';
import { type ReadModelSection, readModelRuntime } from './readModel/runtime';
import { type RegistrySection, registryRuntime } from './registry/runtime';
import { serviceRuntime } from './service/runtime';

/** Each kind's section of its nodes' entries in the run summary (NoSection: the kind adds nothing). */
export interface NodeSections {
  client: NoSection;
  gateway: GatewaySection;
  service: NoSection;
  proxy: ProxySection;
  controlPlane: ControlPlaneSection;
  registry: RegistrySection;
  configServer: ConfigServerSection;
  eventBus: EventBusSection;
  eventProcessor: EventProcessorSection;
  eventStore: EventStoreSection;
  readModel: ReadModelSection;
  logRouter: LogRouterSection;
  logProcessor: LogProcessorSection;
  logStore: LogStoreSection;
}

/** Every kind's runtime part, one line per kind: the run builds each node through its kind's entry. */
export const kindRuntimes: { [K in NodeKind]: KindRuntime<K, NodeSections[K]> } = {
  client: clientRuntime,
  gateway: gatewayRuntime,
  service: serviceRuntime,
  proxy: proxyRuntime,
  controlPlane: controlPlaneRuntime,
  registry: registryRuntime,
  configServer: configServerRuntime,
  eventBus: eventBusRuntime,
  eventProcessor: eventProcessorRuntime,
  eventStore: eventStoreRuntime,
  readModel: readModelRuntime,
  logRouter: logRouterRuntime,
  logProcessor: logProcessorRuntime,
  logStore: logStoreRuntime,
};
