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

/** Rewrites the expected-version header of every client request in a version 1 document. */
function migrateExpectedVersions(document: JsonObject): JsonObject {
  const nodes = Array.isArray(document.nodes) ? document.nodes : null;
  if (nodes === null) return document;
  return {
    ...document,
    nodes: nodes.map((node) => {
      if (!isObject(node) || node.kind !== 'client' || !isObject(node.config)) return node;
      const mix = node.config.requestMix;
      if (!Array.isArray(mix)) return node;
      const requestMix = mix.map((request) => {
        if (!isObject(request) || !isObject(request.headers)) return request;
        const headers = request.headers;
        if (!('x-expected-version' in headers)) return request;
        return {
          ...request,
          headers: { ...headers, 'x-expected-version': expectedRevision(headers['x-expected-version']) },
        };
      });
      return { ...node, config: { ...node.config, requestMix } };
    }),
  };
}

/** Version 1 to 2. */
export const fromVersion1: MigrationStep = {
  from: 1,
  description: 'x-expected-version headers count EventStoreDB revisions (0 after one event), not events',
  migrate: migrateExpectedVersions,
};
