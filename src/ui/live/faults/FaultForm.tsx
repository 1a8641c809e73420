import { useState } from 'react';
import type { ArchDocument, Fault } from '../../../core/model/schema';
import { FaultFields } from './FaultFields';
import { draftNumber, type FaultDraft, fromDraft, toDraft } from './faultDraft';
import { defaultFault, type FaultKind, faultKinds, faultProblem } from './faultModel';

interface Props {
  doc: ArchDocument;
  initial: Fault;
  editing: boolean;
  onSave: (fault: Fault) => void;
  onDelete?: () => void;
  onCancel: () => void;
}

/** Adds or edits one fault of the scenario timeline; nothing invalid is saved. */
export function FaultForm({ doc, initial, editing, onSave, onDelete, onCancel }: Props) {
  const [kind, setKind] = useState<FaultKind>(initial.kind);
  const [draft, setDraft] = useState<FaultDraft>(() => toDraft(initial));
  const fault = fromDraft(kind, draft);
  const problem = Number.isNaN(fault.atSec) ? 'time: must be a number' : faultProblem(fault, doc);
  const set = (key: string) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const changeKind = (next: FaultKind) => {
    const nodeId = draft.nodeId ?? draft.a;
    setKind(next);
    setDraft(toDraft(defaultFault(next, doc, draftNumber(draft.atSec) || 0, nodeId)));
  };

  return (
    <form
      className="fault-form"
      data-testid="fault-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) onSave(fault);
      }}
    >
      <div className="live-popover-title">{editing ? 'Edit fault' : 'Add fault'}</div>
      <label className="live-field">
        <span className="live-field-label">Fault</span>
        <select
          className="select"
          value={kind}
          data-testid="fault-kind"
          onChange={(e) => changeKind(e.target.value as FaultKind)}
        >
          {faultKinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <FaultFields kind={kind} doc={doc} draft={draft} set={set} />
      {problem ? (
        <div className="live-field-error" data-testid="fault-problem">
          {problem}
        </div>
      ) : null}
      <div className="fault-form-actions">
        {onDelete ? (
          <button
            type="button"
            className="btn btn--danger btn--xs"
            data-testid="fault-delete"
            onClick={onDelete}
          >
            Delete
          </button>
        ) : null}
        <span className="live-spacer" />
        <button type="button" className="btn btn--xs" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn--primary btn--xs"
          disabled={!!problem}
          data-testid="fault-save"
        >
          {editing ? 'Save' : 'Add'}
        </button>
      </div>
    </form>
  );
}
