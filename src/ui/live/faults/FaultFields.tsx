import type { ReactNode } from 'react';
import type { ArchDocument } from '../../../core/model/schema';
import type { FaultDraft } from './faultDraft';
import type { FaultKind } from './faultModel';

interface Props {
  kind: FaultKind;
  doc: ArchDocument;
  draft: FaultDraft;
  set: (key: string) => (e: { target: { value: string } }) => void;
}

/** The fields of one fault kind: when, how much, for how long, and which nodes. */
export function FaultFields({ kind, doc, draft, set }: Props) {
  const options = (nodes: ArchDocument['nodes']) =>
    nodes.map((n) => (
      <option key={n.id} value={n.id}>
        {n.label}
      </option>
    ));
  const nodeSelect = (key: string, label: string, choices: ReactNode = options(doc.nodes)) => (
    <label className="live-field">
      <span className="live-field-label">{label}</span>
      <select className="select" value={draft[key] ?? ''} onChange={set(key)} data-testid={`fault-${key}`}>
        {choices}
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
  const labelOf = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const edgeSelect = (
    <label className="live-field">
      <span className="live-field-label">Link</span>
      <select
        className="select"
        value={draft.edgeId ?? ''}
        onChange={set('edgeId')}
        data-testid="fault-edgeId"
      >
        {doc.edges.map((e) => (
          <option key={e.id} value={e.id}>
            {labelOf(e.source)} → {labelOf(e.target)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <div className="live-popover-grid">
        {input('atSec', 'At', 's')}
        {kind === 'killInstance' || kind === 'restartInstance' ? input('instance', 'Instance', '#') : null}
        {kind === 'addLatency' ? input('latencyMs', 'Extra latency', 'ms') : null}
        {kind === 'errorRate' ? input('errorRate', 'Error rate', '%') : null}
        {kind === 'linkFaults' || kind === 'busFaults' ? (
          <>
            {input('lossRate', 'Loss', '%')}
            {input('duplicateRate', 'Duplicates', '%')}
            {input('reorderRate', 'Reorder', '%')}
          </>
        ) : null}
        {kind === 'grayFailure' ? (
          <>
            {input('instance', 'Instance', '#')}
            {input('share', 'Share', '%')}
          </>
        ) : null}
        {kind === 'grayFailure' || kind === 'slowDisk' ? input('factor', 'Slower', 'x') : null}
        {kind === 'clockSkew' ? input('skewMs', 'Skew', 'ms') : null}
        {kind !== 'killInstance' && kind !== 'restartInstance' && kind !== 'configChange'
          ? input('durationSec', 'For', 's', 'rest of run')
          : null}
      </div>
      {kind === 'linkFaults' ? (
        edgeSelect
      ) : kind === 'partition' ? (
        <div className="live-popover-grid">
          {nodeSelect('a', 'Between')}
          {nodeSelect('b', 'And')}
        </div>
      ) : kind === 'subscribe' || kind === 'unsubscribe' ? (
        <>
          {nodeSelect('nodeId', 'Consumer')}
          <div className="live-popover-grid">
            {input('topic', 'Topic')}
            {input('group', 'Group', undefined, 'every group')}
          </div>
        </>
      ) : kind === 'configChange' ? (
        <>
          {nodeSelect('nodeId', 'Delivered by', options(servers))}
          {nodeSelect('service', 'Service')}
          <div className="live-popover-grid">
            {input('key', 'Key')}
            {input('value', 'Value')}
          </div>
        </>
      ) : (
        nodeSelect('nodeId', 'Node')
      )}
    </>
  );
}
