import { useEffect, useState } from 'react';
import { documentStore } from '../../state/documentStore';
import { FieldError } from './fields/FieldError';

interface Props {
  id: string;
  label: string;
}

const MAX_LABEL = 80;

/** The node's name as a borderless title input; refuses names the schema would refuse. */
export function RenameField({ id, label }: Props) {
  const [draft, setDraft] = useState(label);
  useEffect(() => setDraft(label), [label]);
  const error = draft.length > MAX_LABEL ? `must be at most ${MAX_LABEL} characters` : null;
  const commit = () => {
    if (error || draft === label) return;
    documentStore.getState().renameNode(id, draft);
  };
  return (
    <>
      <input
        className="inspector-title-input"
        aria-label="Name"
        data-testid="inspector-name"
        value={draft}
        placeholder={id}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setDraft(label);
        }}
      />
      <FieldError error={error} />
    </>
  );
}
