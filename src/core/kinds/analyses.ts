import { clientAnalysis } from './client/analysis';
import { configServerAnalysis } from './configServer/analysis';
import { controlPlaneAnalysis } from './controlPlane/analysis';
import { eventBusAnalysis } from './eventBus/analysis';
import { eventProcessorAnalysis } from './eventProcessor/analysis';
import { eventStoreAnalysis } from './eventStore/analysis';
import { gatewayAnalysis } from './gateway/analysis';
import type { KindAnalysis } from './kindAnalysis';
import { logProcessorAnalysis } from './logProcessor/analysis';
import { logRouterAnalysis } from './logRouter/analysis';
import { logStoreAnalysis } from './logStore/analysis';
import type { NodeKind } from './nodeKinds';
import { proxyAnalysis } from './proxy/analysis';
import { readModelAnalysis } from './readModel/analysis';
import { registryAnalysis } from './registry/analysis';
import { serviceAnalysis } from './service/analysis';

/** Every kind's analysis part, one line per kind: roles, responsibilities and capacity for the analysis. */
export const kindAnalyses: { [K in NodeKind]: KindAnalysis<K> } = {
  client: clientAnalysis,
  gateway: gatewayAnalysis,
  service: serviceAnalysis,
  proxy: proxyAnalysis,
  controlPlane: controlPlaneAnalysis,
  registry: registryAnalysis,
  configServer: configServerAnalysis,
  eventBus: eventBusAnalysis,
  eventProcessor: eventProcessorAnalysis,
  eventStore: eventStoreAnalysis,
  readModel: readModelAnalysis,
  logRouter: logRouterAnalysis,
  logProcessor: logProcessorAnalysis,
  logStore: logStoreAnalysis,
};
