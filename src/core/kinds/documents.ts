import { clientDocument } from './client/document';
import { configServerDocument } from './configServer/document';
import { controlPlaneDocument } from './controlPlane/document';
import { eventBusDocument } from './eventBus/document';
import { eventProcessorDocument } from './eventProcessor/document';
import { eventStoreDocument } from './eventStore/document';
import { gatewayDocument } from './gateway/document';
import type { KindDocument } from './kindDocument';
import { logProcessorDocument } from './logProcessor/document';
import { logRouterDocument } from './logRouter/document';
import { logStoreDocument } from './logStore/document';
import type { NodeKind } from './nodeKinds';
import { proxyDocument } from './proxy/document';
import { readModelDocument } from './readModel/document';
import { registryDocument } from './registry/document';
import { serviceDocument } from './service/document';

/**
 * Every kind's document part (config schema, connection rules, name), one line per kind. The document
 * schema (model/schema.ts) and the connection rules (model/connections.ts) are built from it.
 */
export const kindDocuments = {
  client: clientDocument,
  gateway: gatewayDocument,
  service: serviceDocument,
  proxy: proxyDocument,
  controlPlane: controlPlaneDocument,
  registry: registryDocument,
  configServer: configServerDocument,
  eventBus: eventBusDocument,
  eventProcessor: eventProcessorDocument,
  eventStore: eventStoreDocument,
  readModel: readModelDocument,
  logRouter: logRouterDocument,
  logProcessor: logProcessorDocument,
  logStore: logStoreDocument,
} satisfies { [K in NodeKind]: KindDocument };
