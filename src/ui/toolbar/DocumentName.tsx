import { useEffect, useState } from 'react';
import { documentStore, selectName, useDocumentStore } from '../../state/documentStore';

const MAX_NAME = 120;

/** The diagram's name, editable in place; it also names exported files. */
export function DocumentName() {
  const name = useDocumentStore(selectName);
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const commit = () => {
    const next = draft.trim().slice(0, MAX_NAME) || 'Untitled';
    setDraft(next);
    documentStore.getState().setMeta({ name: next });
  };
  return (
    <input
      className="doc-name"
      aria-label="Diagram name"
      data-testid="document-name"
      value={draft}
      maxLength={MAX_NAME}
      size={Math.max(8, Math.min(32, draft.length + 1))}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(name);
          e.currentTarget.blur();
        }
      }}
    />
  );
}
