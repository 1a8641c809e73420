import type { Connection } from '@xyflow/react';
import { connectionCheck, edgeKindLabel } from '../../core/model/connections';
import { documentStore } from '../../state/documentStore';
import { setSelection } from '../../state/sessionStore';
import { toast } from '../toast/toastStore';

/**
 * Adds the edge a person drew when the pair makes sense, with the kind the pair implies; otherwise
 * says why not. The same rule refuses such links on import.
 */
export function connectNodes(connection: Connection): void {
  const { nodes } = documentStore.getState().document;
  const source = nodes.find((n) => n.id === connection.source);
  const target = nodes.find((n) => n.id === connection.target);
  if (!source || !target) return;
  const rule = connectionCheck({ id: source.id, kind: source.kind }, { id: target.id, kind: target.kind });
  if (!rule.ok) {
    toast(rule.reason, 'error');
    return;
  }
  const id = documentStore.getState().addEdge(source.id, target.id, rule.kind);
  if (id === null) {
    toast(`${source.label || source.id} already links to ${target.label || target.id}.`, 'error');
    return;
  }
  setSelection([], [id]);
  toast(`Linked as ${edgeKindLabel(rule.kind)}`, 'success');
}
