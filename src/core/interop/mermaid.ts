import type { ArchDocument, EdgeKind, NodeKind } from './core';
import { diagramIds } from './diagramIds';
import { fileStem } from './k8s/export';
import type { ExportResult } from './types';

/** Mermaid's opening and closing brackets per node kind: the shape that says what a node is. */
export const MERMAID_SHAPES: Record<NodeKind, readonly [string, string]> = {
  client: ['([', '])'],
  gateway: ['{{', '}}'],
  service: ['[', ']'],
  proxy: ['[/', '/]'],
  controlPlane: ['[[', ']]'],
  registry: ['[\\', '\\]'],
  configServer: ['[/', '\\]'],
  eventBus: ['>', ']'],
  eventProcessor: ['[[/', '/]]'],
  eventStore: ['[(', ')]'],
  readModel: ['(', ')'],
  logRouter: ['[\\', '/]'],
  logProcessor: ['(((', ')))'],
  logStore: ['((', '))'],
};

/**
 * Mermaid link per edge kind: solid arrows for calls and queries, dotted arrows for messages,
 * thick arrows for event-store appends, dotted lines without an arrow for control links.
 */
export const MERMAID_LINKS: Record<EdgeKind, string> = {
  sync: '-->',
  query: '-->',
  async: '-.->',
  projection: '-.->',
  log: '-.->',
  eventStore: '==>',
  registry: '-.-',
  config: '-.-',
  mesh: '-.-',
};

/** Fill and stroke per kind, as on the canvas's palette groups. */
const MERMAID_STYLES: Record<NodeKind, string> = {
  client: 'fill:#eef2ff,stroke:#4f46e5',
  gateway: 'fill:#ecfeff,stroke:#0e7490',
  service: 'fill:#f0fdf4,stroke:#15803d',
  proxy: 'fill:#f0fdfa,stroke:#0f766e',
  controlPlane: 'fill:#f0fdfa,stroke:#0f766e',
  registry: 'fill:#fefce8,stroke:#a16207',
  configServer: 'fill:#fefce8,stroke:#a16207',
  eventBus: 'fill:#fff7ed,stroke:#c2410c',
  eventProcessor: 'fill:#fff7ed,stroke:#c2410c',
  eventStore: 'fill:#fff7ed,stroke:#c2410c',
  readModel: 'fill:#fff7ed,stroke:#c2410c',
  logRouter: 'fill:#f8fafc,stroke:#475569',
  logProcessor: 'fill:#f8fafc,stroke:#475569',
  logStore: 'fill:#f8fafc,stroke:#475569',
};

/** Words Mermaid reads as syntax, which a node id must not be. */
export const MERMAID_RESERVED = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'style',
  'class',
  'classdef',
  'click',
  'linkstyle',
  'direction',
  'default',
  'participant',
  'actor',
  'note',
  'loop',
  'alt',
  'else',
  'opt',
  'par',
  'and',
  'rect',
  'autonumber',
]);

/** Text for a quoted Mermaid label: entity codes for the characters Mermaid would read as syntax. */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/[\r\n]+/g, ' ');
}

/** The document as a Mermaid flowchart: one node per component, shaped by kind; one link per edge, styled by kind. */
export function exportMermaid(doc: ArchDocument): ExportResult {
  const ids = diagramIds(
    doc.nodes.map((n) => n.id),
    MERMAID_RESERVED,
  );
  const lines = ['flowchart LR', `  %% ${mermaidText(doc.name).replace(/%/g, '')}`];
  for (const node of doc.nodes) {
    const [open, close] = MERMAID_SHAPES[node.kind];
    lines.push(`  ${ids.get(node.id)}${open}"${mermaidText(node.label || node.id)}"${close}`);
  }
  for (const edge of doc.edges) {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const label = edge.kind === 'sync' ? '' : `|${edge.kind}|`;
    lines.push(`  ${source} ${MERMAID_LINKS[edge.kind]}${label} ${target}`);
  }
  const kinds = [...new Set(doc.nodes.map((n) => n.kind))];
  for (const kind of kinds) lines.push(`  classDef ${kind} ${MERMAID_STYLES[kind]}`);
  for (const kind of kinds) {
    const members = doc.nodes.filter((n) => n.kind === kind).map((n) => ids.get(n.id));
    lines.push(`  class ${members.join(',')} ${kind}`);
  }
  return { files: [{ name: `${fileStem(doc.name)}.mmd`, text: `${lines.join('\n')}\n` }], notes: [] };
}
