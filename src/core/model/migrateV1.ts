import type { JsonObject, MigrationStep } from './migrationTypes';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A version 1 `x-expected-version` counted events (1 after one event, 0 for no stream); version 2
 * counts EventStoreDB revisions (0 after one event, `noStream` for none). Other values keep their
 * meaning.
 */
function expectedRevision(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return value;
  const count = Number(value);
  return count === 0 ? 'noStream' : String(count - 1);
}

/** Rewrites the expected-version header of every request in a client node's mix. */
function migrateClient(node: JsonObject & { config: JsonObject }): JsonObject {
  const mix = node.config.requestMix;
  if (!Array.isArray(mix)) return node;
  const requestMix = mix.map((request) => {
    if (!isObject(request) || !isObject(request.headers)) return request;
    const headers = request.headers;
    if (!('x-expected-version' in headers)) return request;
    const revision = expectedRevision(headers['x-expected-version']);
    return { ...request, headers: { ...headers, 'x-expected-version': revision } };
  });
  return { ...node, config: { ...node.config, requestMix } };
}

/**
 * Gateways and sidecar proxies became event loops by default in version 2; a version 1 document was
 * made when they held a slot per request, so it keeps that unless it says otherwise.
 */
function keepThreadPerRequest(node: JsonObject & { config: JsonObject }): JsonObject {
  if ('ioModel' in node.config) return node;
  return { ...node, config: { ...node.config, ioModel: 'threadPerRequest' } };
}

function migrateNodes(document: JsonObject): JsonObject {
  const nodes = Array.isArray(document.nodes) ? document.nodes : null;
  if (nodes === null) return document;
  return {
    ...document,
    nodes: nodes.map((node) => {
      if (!isObject(node)) return node;
      const config = node.config === undefined ? {} : node.config;
      if (!isObject(config)) return node;
      if (node.kind === 'client' && node.config !== undefined) return migrateClient({ ...node, config });
      if (node.kind === 'gateway' || node.kind === 'proxy') return keepThreadPerRequest({ ...node, config });
      return node;
    }),
  };
}

/** Version 1 to 2. */
export const fromVersion1: MigrationStep = {
  from: 1,
  description:
    'x-expected-version headers count EventStoreDB revisions (0 after one event), not events; gateways and sidecar proxies keep ioModel "threadPerRequest"',
  migrate: migrateNodes,
};
