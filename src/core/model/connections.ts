import { kindDocuments } from '../kinds/documents';
import type { KindDocument } from '../kinds/kindDocument';
import { byKind, type NodeKind } from '../kinds/nodeKinds';
import type { EdgeKind } from './edgeKinds';

/** The outcome of asking whether one node kind may link to another. */
export type ConnectionRule = { ok: true; kind: EdgeKind } | { ok: false; reason: string };

/** Human names of node kinds, used in refusal messages and UI labels (each kind's document part names it). */
export const nodeKindNames = byKind<Readonly<Record<NodeKind, string>>>((kind) => kindDocuments[kind].name);

const edgeKindLabels: Readonly<Record<EdgeKind, string>> = {
  sync: 'sync call',
  async: 'async publish / subscribe',
  eventStore: 'event-store append',
  projection: 'projection',
  query: 'read-model query',
  log: 'log shipping',
  registry: 'registry heartbeat / discovery',
  config: 'config fetch',
  mesh: 'mesh configuration',
};

/** A short human label of an edge kind, for edge captions, legends and messages. */
export function edgeKindLabel(kind: EdgeKind): string {
  return edgeKindLabels[kind];
}

function withArticle(name: string): string {
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

/** A node kind's human name with its indefinite article ("an event bus"), for messages. */
export function kindWithArticle(kind: NodeKind): string {
  return withArticle(nodeKindNames[kind]);
}

/**
 * Decides whether a `sourceKind` node may link to a `targetKind` node and which edge kind the pair
 * implies, so the editor and the validator refuse nonsense links with the same reason.
 */
export function connectionRule(sourceKind: NodeKind, targetKind: NodeKind): ConnectionRule {
  const source: KindDocument = kindDocuments[sourceKind];
  const kind = source.links[targetKind];
  if (kind !== undefined) return { ok: true, kind };
  const subject = withArticle(source.name);
  const reason = `${subject[0]!.toUpperCase()}${subject.slice(1)} cannot call ${kindWithArticle(targetKind)}: ${source.sendsOnly}.`;
  return { ok: false, reason };
}

/** The ends of a prospective link: node ids and kinds, as the editor and the validator know them. */
export interface LinkEnd {
  id: string;
  kind: NodeKind;
}

/**
 * Like {@link connectionRule} but for two concrete nodes, so a node linked to itself is refused
 * too: no component kind calls itself over the network.
 */
export function connectionCheck(source: LinkEnd, target: LinkEnd): ConnectionRule {
  if (source.id === target.id) {
    return { ok: false, reason: `A node cannot connect to itself ("${source.id}").` };
  }
  return connectionRule(source.kind, target.kind);
}
