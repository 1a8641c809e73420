import type { ArchDocument, ArchEdge, ArchNode, NodeKind } from './core';
import { diagramIds } from './diagramIds';
import { fileStem } from './k8s/export';
import type { ExportResult } from './types';

/** Description, technology and tag of each kind's container. */
const CONTAINERS: Record<Exclude<NodeKind, 'client'>, readonly [string, string, string]> = {
  gateway: ['Routes, rate-limits and authenticates requests', 'API gateway', 'Gateway'],
  service: ['Microservice', 'HTTP service', 'Service'],
  proxy: ['Sidecar proxy of the service mesh', 'Envoy', 'Sidecar'],
  controlPlane: ['Pushes routes and policies to the sidecars', 'Istio control plane', 'Mesh'],
  registry: ['Service registry: registrations, heartbeats, discovery', 'Service registry', 'Infrastructure'],
  configServer: ['Serves configuration keys to services', 'Config server', 'Infrastructure'],
  eventBus: ['Partitioned topics with consumer groups', 'Event bus', 'Queue'],
  eventProcessor: ['Filters, maps and aggregates a topic into another', 'Stream processor', 'Stream'],
  eventStore: ['One event stream per aggregate', 'Event store', 'Database'],
  readModel: ['Query side of CQRS, fed by a projection', 'Read model', 'Database'],
  logRouter: ['Shards log entries over log stores', 'Log router', 'Logging'],
  logProcessor: [
    'Parses, enriches and filters log entries; log metrics and alerts',
    'Log processor',
    'Logging',
  ],
  logStore: ['One shard of the distributed log', 'Log store', 'Database'],
};

/** What a link does, by edge kind (and direction for the bus). */
function relationship(edge: ArchEdge, source: ArchNode | undefined): readonly [string, string] {
  switch (edge.kind) {
    case 'sync':
      return ['Calls', 'HTTP'];
    case 'async':
      return source?.kind === 'eventBus' ? ['Delivers events to', 'async'] : ['Publishes events to', 'async'];
    case 'eventStore':
      return ['Appends events to', 'event store'];
    case 'projection':
      return ['Projects events into', 'projection'];
    case 'query':
      return ['Queries', 'read model'];
    case 'log':
      return ['Ships log entries to', 'logs'];
    case 'registry':
      return ['Registers with and discovers through', 'registry'];
    case 'config':
      return ['Reads configuration from', 'config'];
    case 'mesh':
      return ['Configures', 'xDS'];
  }
}

/** A Structurizr DSL string literal. */
function dslString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The document as a Structurizr DSL workspace: clients as people, every other node a container
 * of one software system (described, with a technology and a tag per kind), every edge a
 * relationship, and a container view with shapes per tag.
 */
export function exportStructurizr(doc: ArchDocument): ExportResult {
  const system = 'system';
  const ids = diagramIds(
    doc.nodes.map((n) => n.id),
    new Set([system, 'workspace', 'model', 'views', 'styles', 'this']),
  );
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const lines = [`workspace ${dslString(doc.name)} ${dslString(doc.description)} {`, '  model {'];
  for (const node of doc.nodes) {
    if (node.kind === 'client')
      lines.push(`    ${ids.get(node.id)} = person ${dslString(node.label || node.id)} "Sends requests"`);
  }
  lines.push(`    ${system} = softwareSystem ${dslString(doc.name)} {`);
  for (const node of doc.nodes) {
    if (node.kind === 'client') continue;
    const [description, technology, tag] = CONTAINERS[node.kind];
    lines.push(
      `      ${ids.get(node.id)} = container ${dslString(node.label || node.id)} ${dslString(description)} ${dslString(technology)} ${dslString(tag)}`,
    );
  }
  lines.push('    }');
  for (const edge of doc.edges) {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const [description, technology] = relationship(edge, byId.get(edge.source));
    lines.push(`    ${source} -> ${target} ${dslString(description)} ${dslString(technology)}`);
  }
  lines.push(
    '  }',
    '  views {',
    `    container ${system} "Containers" {`,
    '      include *',
    '      autoLayout lr',
    '    }',
    '    styles {',
    '      element "Person" {',
    '        shape Person',
    '      }',
    '      element "Gateway" {',
    '        shape Hexagon',
    '      }',
    '      element "Sidecar" {',
    '        shape Component',
    '      }',
    '      element "Queue" {',
    '        shape Pipe',
    '      }',
    '      element "Database" {',
    '        shape Cylinder',
    '      }',
    '    }',
    '  }',
    '}',
  );
  return { files: [{ name: `${fileStem(doc.name)}.dsl`, text: `${lines.join('\n')}\n` }], notes: [] };
}
