import YAML from 'yaml';
import type { ArchDocument } from './core';
import { DocIndex } from './docIndex';
import { fileStem } from './k8s/export';
import { k8sName } from './names';
import type { ExportResult } from './types';

/** Labels on each Compose service that name the archplay node it stands for. */
export const LABEL_ID = 'archplay.id';
const LABEL_KIND = 'archplay.kind';

/**
 * The document as a Compose file: one service per archplay service and gateway, `deploy.replicas`
 * from instances, `depends_on` from sync call links (a call to a sidecar depends on its service),
 * `environment` from the config server's keys. Sidecars, clients and the event, log and registry
 * nodes have no Compose form and are listed in the notes.
 */
export function exportCompose(doc: ArchDocument, options: { registry?: string } = {}): ExportResult {
  const registry = options.registry ?? 'registry.example.com/archplay';
  const index = new DocIndex(doc);
  const notes: string[] = [];
  const keys = new Map<string, Record<string, string | number | boolean>>();
  for (const node of doc.nodes) {
    if (node.kind !== 'configServer') continue;
    for (const [service, values] of Object.entries(node.config.keys))
      keys.set(service, { ...keys.get(service), ...values });
  }
  const composed = (id: string) => {
    const node = index.nodes.get(id);
    if (node?.kind === 'proxy') return node.config.attachedTo;
    return node?.kind === 'service' || node?.kind === 'gateway' ? id : undefined;
  };
  const services: Record<string, unknown> = {};
  for (const node of doc.nodes) {
    if (node.kind !== 'service' && node.kind !== 'gateway') {
      notes.push(`${node.id}: a ${node.kind} has no Compose service`);
      continue;
    }
    const name = k8sName(node.id);
    const version = node.kind === 'service' ? node.config.version : 'latest';
    const depends = new Set<string>();
    for (const edge of index.edgesFrom(node.id)) {
      const target = edge.kind === 'sync' ? composed(edge.target) : undefined;
      if (target !== undefined && target !== node.id) depends.add(k8sName(target));
    }
    const service: Record<string, unknown> = {
      image: `${registry}/${name}:${version}`,
      labels: { [LABEL_ID]: node.id, [LABEL_KIND]: node.kind },
      deploy: { replicas: node.config.instances },
    };
    if (depends.size > 0) service.depends_on = [...depends];
    const env = keys.get(node.id);
    if (env !== undefined)
      service.environment = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
    services[name] = service;
  }
  const text = new YAML.Document({ name: fileStem(doc.name), services }).toString({ lineWidth: 0 });
  return { files: [{ name: `${fileStem(doc.name)}.compose.yaml`, text }], notes };
}
