import { documentStore } from '../../state/documentStore';

interface Props {
  id: string;
  label: string;
  /** Whether the name is being edited; the card holds it, so its glance title can start it too. */
  editing: boolean;
  setEditing: (editing: boolean) => void;
}

/** A node's name; double-click renames it in place (Enter or blur keeps, Escape cancels). */
export function NodeLabel({ id, label, editing, setEditing }: Props) {
  if (!editing) {
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: double-click renames on the canvas; the inspector's name field is the keyboard path.
      <span
        className="node-label"
        title={`${label} — double-click to rename`}
        onDoubleClick={() => setEditing(true)}
      >
        {label || id}
      </span>
    );
  }
  const finish = (value: string | null) => {
    setEditing(false);
    if (value !== null) documentStore.getState().renameNode(id, value.trim().slice(0, 80));
  };
  return (
    <input
      className="node-label-input nodrag nopan"
      data-testid="node-rename"
      defaultValue={label}
      maxLength={80}
      // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this node.
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onBlur={(e) => finish(e.currentTarget.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(e.currentTarget.value);
        if (e.key === 'Escape') finish(null);
      }}
    />
  );
}
