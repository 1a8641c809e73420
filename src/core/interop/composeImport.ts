import { assumedClient } from './assumedClient';
import { LABEL_ID } from './compose';
import { finishImport } from './finish';
import { IdMaker, isArchId } from './ids';
import { layeredPositions } from './layout';
import { asNumber, asObject, asString, type ImportResult } from './types';
import { yamlValue } from './yamlRead';

const READ_SERVICE_KEYS = new Set(['image', 'deploy', 'scale', 'depends_on', 'environment', 'labels']);
const READ_TOP_KEYS = new Set(['services', 'name', 'version']);

/** A Compose `KEY=value` list or mapping as a string map. */
function pairs(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'string') continue;
      const eq = item.indexOf('=');
      if (eq > 0) out[item.slice(0, eq)] = item.slice(eq + 1);
    }
    return out;
  }
  for (const [k, v] of Object.entries(asObject(value) ?? {})) {
    if (v !== null && v !== undefined) out[k] = String(v);
  }
  return out;
}

/** `depends_on` as a list of service names (the short list form or the long mapping form). */
function dependencies(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return Object.keys(asObject(value) ?? {});
}

/**
 * Reads a Compose file into a design: each service becomes an archplay service with its replicas
 * (`deploy.replicas`, else `scale`, else 1), each `depends_on` an assumed sync call (an edge, and a
 * call step in the caller's endpoint), environment variables the keys of a config server. A client
 * calls the services nothing depends on. Everything else (ports, volumes, builds) is ignored.
 */
export function importCompose(text: string): ImportResult {
  const { value, error } = yamlValue(text);
  if (error !== undefined) return { ok: false, errors: [`(root): ${error}`] };
  const root = asObject(value);
  const services = asObject(root?.services);
  if (root === null || services === null)
    return { ok: false, errors: ['services: expected a mapping of Compose services'] };
  const assumed: string[] = [];
  const ignored: string[] = [];
  for (const key of Object.keys(root)) if (!READ_TOP_KEYS.has(key)) ignored.push(`${key}: not read`);
  const ids = new IdMaker();
  const idOf = new Map<string, string>();
  for (const [name, raw] of Object.entries(services)) {
    const label = pairs(asObject(raw)?.labels)[LABEL_ID];
    idOf.set(name, label !== undefined && isArchId(label) ? label : name);
  }
  for (const name of Object.keys(services)) idOf.set(name, ids.make(idOf.get(name)!));
  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const keys: Record<string, Record<string, string>> = {};
  const depended = new Set<string>();
  for (const [name, raw] of Object.entries(services)) {
    const service = asObject(raw) ?? {};
    const id = idOf.get(name)!;
    for (const key of Object.keys(service))
      if (!READ_SERVICE_KEYS.has(key)) ignored.push(`services.${name}.${key}: not read`);
    let replicas = asNumber(asObject(service.deploy)?.replicas) ?? asNumber(service.scale);
    if (replicas === undefined) {
      assumed.push(`services.${name}: no deploy.replicas, so 1 instance`);
      replicas = 1;
    }
    const steps: Record<string, unknown>[] = [{ kind: 'work' }];
    for (const dep of dependencies(service.depends_on)) {
      const target = idOf.get(dep);
      if (target === undefined) {
        ignored.push(`services.${name}.depends_on: "${dep}" is no service in this file`);
        continue;
      }
      depended.add(target);
      steps.push({ kind: 'call', target, method: 'GET', path: '/' });
      edges.push({ id: ids.make(`${id}-${target}`), source: id, target, kind: 'sync' });
      assumed.push(`services.${name}.depends_on.${dep}: a sync call GET / to ${target} on every request`);
    }
    const env = pairs(service.environment);
    if (Object.keys(env).length > 0) keys[id] = env;
    nodes.push({
      id,
      kind: 'service',
      label: name,
      position: { x: 0, y: 0 },
      config: {
        instances: Math.max(1, Math.min(1000, Math.round(replicas))),
        endpoints: [{ path: '/', steps }],
      },
    });
  }
  if (Object.keys(keys).length > 0) {
    const config = ids.make('config');
    nodes.push({
      id: config,
      kind: 'configServer',
      label: 'Environment',
      position: { x: 0, y: 0 },
      config: { keys },
    });
    for (const id of Object.keys(keys))
      edges.push({ id: ids.make(`${id}-${config}`), source: id, target: config, kind: 'config' });
    assumed.push(`environment variables became the keys of a config server "${config}"`);
  }
  const entries = nodes
    .filter((n) => n.kind === 'service' && !depended.has(String(n.id)))
    .map((n) => ({ id: String(n.id), paths: ['/'] }));
  const client = assumedClient(entries, ids, 10);
  if (client !== null) {
    nodes.unshift(client.node);
    edges.unshift(...client.edges);
    assumed.push(
      `a client "${client.node.id}" sends 10 requests/s to ${entries.map((e) => e.id).join(', ')}`,
    );
  }
  const positions = layeredPositions(
    nodes.map((n) => String(n.id)),
    edges.map((e) => ({ source: String(e.source), target: String(e.target) })),
  );
  for (const n of nodes) n.position = positions.get(String(n.id));
  return finishImport(
    { name: asString(root.name) ?? 'Imported from Compose', nodes, edges },
    assumed,
    ignored,
  );
}
