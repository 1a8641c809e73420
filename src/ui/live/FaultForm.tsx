import { useState } from 'react';
import type { ArchDocument, Fault } from '../../core/model/schema';
import { defaultFault, type FaultKind, faultKinds, faultProblem, parseConfigValue } from './faultModel';

interface Props {
  doc: ArchDocument;
  initial: Fault;
  editing: boolean;
  onSave: (fault: Fault) => void;
  onDelete?: () => void;
  onCancel: () => void;
}

type Draft = Record<string, string>;

function toDraft(fault: Fault): Draft {
  const out: Draft = {};
  for (const [k, v] of Object.entries(fault)) out[k] = v === undefined ? '' : String(v);
  if (fault.kind === 'errorRate') out.errorRate = String(Math.round(fault.errorRate * 1000) / 10);
  return out;
}

const num = (text: string | undefined) =>
  text === undefined || text.trim() === '' ? Number.NaN : Number(text);
const optNum = (text: string | undefined) =>
  text === undefined || text.trim() === '' ? undefined : Number(text);

function fromDraft(kind: FaultKind, d: Draft): Fault {
  const atSec = num(d.atSec);
  switch (kind) {
    case 'killInstance':
    case 'restartInstance':
      return { kind, atSec, nodeId: d.nodeId ?? '', instance: num(d.instance) };
    case 'addLatency':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        latencyMs: num(d.latencyMs),
        durationSec: optNum(d.durationSec),
      };
    case 'errorRate':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        errorRate: num(d.errorRate) / 100,
        durationSec: optNum(d.durationSec),
      };
    case 'partition':
      return { kind, atSec, a: d.a ?? '', b: d.b ?? '', durationSec: optNum(d.durationSec) };
    case 'configChange':
      return {
        kind,
        atSec,
        nodeId: d.nodeId ?? '',
        service: d.service ?? '',
        key: d.key ?? '',
        value: parseConfigValue(d.value ?? ''),
      };
  }
}

/** Adds or edits one fault of the scenario timeline; nothing invalid is saved. */
export function FaultForm({ doc, initial, editing, onSave, onDelete, onCancel }: Props) {
  const [kind, setKind] = useState<FaultKind>(initial.kind);
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const fault = fromDraft(kind, draft);
  const problem = Number.isNaN(fault.atSec) ? 'time: must be a number' : faultProblem(fault, doc);
  const set = (key: string) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const changeKind = (next: FaultKind) => {
    const nodeId = draft.nodeId ?? draft.a;
    setKind(next);
    setDraft(toDraft(defaultFault(next, doc, num(draft.atSec) || 0, nodeId)));
  };
  const nodeOptions = doc.nodes.map((n) => (
    <option key={n.id} value={n.id}>
      {n.label}
    </option>
  ));
  const nodeSelect = (key: string, label: string, options = nodeOptions) => (
    <label className="live-field">
      <span className="live-field-label">{label}</span>
      <select className="select" value={draft[key] ?? ''} onChange={set(key)} data-testid={`fault-${key}`}>
        {options}
      </select>
    </label>
  );
  const input = (key: string, label: string, unit?: string, placeholder?: string) => (
    <label className="live-field">
      <span className="live-field-label">{label}</span>
      <span className="live-field-input">
        <input
          className="input input--num"
          value={draft[key] ?? ''}
          placeholder={placeholder}
          onChange={set(key)}
          data-testid={`fault-${key}`}
        />
        {unit ? <span className="live-field-unit">{unit}</span> : null}
      </span>
    </label>
  );
  const servers = doc.nodes.filter((n) => n.kind === 'configServer' || n.kind === 'controlPlane');

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
      <div className="live-popover-grid">
        {input('atSec', 'At', 's')}
        {kind === 'killInstance' || kind === 'restartInstance' ? input('instance', 'Instance', '#') : null}
        {kind === 'addLatency' ? input('latencyMs', 'Extra latency', 'ms') : null}
        {kind === 'errorRate' ? input('errorRate', 'Error rate', '%') : null}
        {kind === 'addLatency' || kind === 'errorRate' || kind === 'partition'
          ? input('durationSec', 'For', 's', 'rest of run')
          : null}
      </div>
      {kind === 'partition' ? (
        <div className="live-popover-grid">
          {nodeSelect('a', 'Between')}
          {nodeSelect('b', 'And')}
        </div>
      ) : kind === 'configChange' ? (
        <>
          {nodeSelect(
            'nodeId',
            'Delivered by',
            servers.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
              </option>
            )),
          )}
          {nodeSelect('service', 'Service')}
          <div className="live-popover-grid">
            {input('key', 'Key')}
            {input('value', 'Value')}
          </div>
        </>
      ) : (
        nodeSelect('nodeId', 'Node')
      )}
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
