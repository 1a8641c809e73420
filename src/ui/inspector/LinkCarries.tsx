import './linkCarries.css';
import type { ArchEdge } from '../../core/model/schema';
import { describeLink } from '../../core/model/wiringNotes';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { setSelection } from '../../state/sessionStore';

/**
 * What the link carries (the route, step or subscription that uses it), with a way to the node
 * whose inspector edits it: the defaults a new link added are never hidden.
 */
export function LinkCarries({ edge }: { edge: ArchEdge }) {
  const doc = useDocumentStore(selectDocument);
  const note = describeLink(doc, edge);
  const holder = note.holder === null ? undefined : doc.nodes.find((n) => n.id === note.holder);
  return (
    <div className="link-carries" data-testid="link-carries">
      <span>{note.text}</span>
      {holder ? (
        <button
          type="button"
          className="btn btn--ghost btn--xs"
          onClick={() => setSelection([holder.id], [])}
        >
          Edit in {holder.label || holder.id}
        </button>
      ) : null}
    </div>
  );
}
