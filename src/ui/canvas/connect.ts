import type { Connection } from '@xyflow/react';
import { describeLink } from '../../core/model/wiringNotes';
import { documentStore } from '../../state/documentStore';
import { setSelection } from '../../state/sessionStore';
import { toast } from '../toast/toastStore';

/**
 * Adds the link a person drew when the pair makes sense, with the kind the pair implies and the
 * defaults that make it carry traffic, in one undo step; otherwise says why not. The same rule
 * refuses such links on import.
 */
export function connectNodes(connection: Connection): void {
  const result = documentStore.getState().link(connection.source, connection.target);
  if (!result.ok) {
    toast(result.reason, 'error');
    return;
  }
  const edge = result.document.edges.find((e) => e.id === result.edgeId);
  setSelection([], [result.edgeId]);
  if (edge) toast(describeLink(result.document, edge).text, 'success');
}
