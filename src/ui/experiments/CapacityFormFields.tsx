import { useMemo, useState } from 'react';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { capacityClients } from '../../state/experiments/capacityView';
import { runCapacity, useExperiment } from '../../state/experiments/experimentStore';
import { Icon } from '../icons/Icon';

/**
 * The capacity search's settings: the client whose rate is searched, the SLOs that must hold (all by
 * default), the runs per step and the tolerance; and Run.
 */
export function CapacityFormFields() {
  const doc = useDocumentStore(selectDocument);
  const busy = useExperiment((s) => s.job !== null);
  const clients = useMemo(() => capacityClients(doc), [doc]);
  const slos = doc.scenario.slos ?? [];
  const [picked, setClient] = useState(clients[0]?.id ?? '');
  // The document may change while the panel is open: fall back to its first searchable client.
  const client = clients.find((c) => c.id === picked) ?? clients[0];
  const [off, setOff] = useState<ReadonlySet<string>>(new Set());
  const [replications, setReplications] = useState('3');
  const [tolerance, setTolerance] = useState('1');
  const chosen = slos.filter((s) => !off.has(s.id)).map((s) => s.id);
  const toggle = (id: string) =>
    setOff((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const run = () =>
    void runCapacity({
      client: client?.id ?? '',
      slos: chosen.length === slos.length ? [] : chosen,
      replications: Number(replications),
      tolerance: Number(tolerance) / 100,
    });
  return (
    <form
      className="exp-form"
      data-testid="capacity-form"
      onSubmit={(e) => {
        e.preventDefault();
        run();
      }}
    >
      <label className="exp-field" htmlFor="capacity-client">
        <span className="exp-label">Client</span>
        <select
          id="capacity-client"
          data-testid="capacity-client"
          className="select"
          value={client?.id ?? ''}
          onChange={(e) => setClient(e.target.value)}
        >
          {clients.length === 0 ? <option value="">No client with an open workload</option> : null}
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label} ({c.ratePerSec}/s now)
            </option>
          ))}
        </select>
      </label>
      <fieldset className="exp-field exp-checks">
        <legend className="exp-label">SLOs that must hold</legend>
        {slos.length === 0 ? <p className="exp-hint">The scenario declares no SLO yet.</p> : null}
        {slos.map((s) => (
          <label key={s.id} className="exp-check">
            <input
              type="checkbox"
              data-testid={`capacity-slo-${s.id}`}
              checked={!off.has(s.id)}
              onChange={() => toggle(s.id)}
            />
            <code>{s.id}</code> {s.metric} {s.op} {s.value}
          </label>
        ))}
      </fieldset>
      <div className="exp-row exp-row--two">
        <Field
          id="capacity-replications"
          label="Runs per step"
          value={replications}
          onChange={setReplications}
        />
        <Field id="capacity-tolerance" label="Tolerance (%)" value={tolerance} onChange={setTolerance} />
      </div>
      <button type="submit" className="btn btn--primary" data-testid="capacity-run" disabled={busy}>
        <Icon name="play" size={13} /> Search capacity
      </button>
      <p className="exp-hint">
        {client && client.rateChanges > 0
          ? `The scenario changes ${client.label}’s rate ${client.rateChanges} time${client.rateChanges === 1 ? '' : 's'}: the search leaves that out and holds the rate steady. `
          : ''}
        Starts at the client’s rate, doubles or halves it until the SLOs change verdict, then halves the gap
        until it is within the tolerance. Each step runs {replications || 'N'} × {doc.scenario.durationSec} s,
        seeds {doc.scenario.seed} and up.
      </p>
    </form>
  );
}

function Field(props: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="exp-field" htmlFor={props.id}>
      <span className="exp-label">{props.label}</span>
      <input
        id={props.id}
        data-testid={props.id}
        className="input"
        type="number"
        step="any"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
