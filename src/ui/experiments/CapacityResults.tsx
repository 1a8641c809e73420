import { useState } from 'react';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { capacityRows, capacityVerdict, sloObjective } from '../../state/experiments/capacityView';
import type { CapacityOutcome } from '../../state/experiments/experimentStore';
import { ScrollRegion } from '../dialogs/ScrollRegion';
import { CapacityChart } from './CapacityChart';
import { formatNumber } from './format';

/** A finished capacity search: the answer, the rates tried against one SLO, and every step's verdicts. */
export function CapacityResults({ outcome }: { outcome: CapacityOutcome }) {
  const doc = useDocumentStore(selectDocument);
  const { json } = outcome;
  const [picked, setPicked] = useState(json.slos[0] ?? '');
  const sloId = json.slos.includes(picked) ? picked : (json.slos[0] ?? '');
  return (
    <>
      <p className="exp-verdict" data-testid="capacity-verdict" data-max={json.maxRatePerSec}>
        {capacityVerdict(outcome, formatNumber)}
      </p>
      {json.slos.length > 1 ? (
        <label className="exp-inline" htmlFor="capacity-chart-slo">
          <span className="exp-label">Chart</span>
          <select
            id="capacity-chart-slo"
            className="select"
            value={sloId}
            onChange={(e) => setPicked(e.target.value)}
          >
            {json.slos.map((id) => (
              <option key={id} value={id}>
                {id} (observed)
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <CapacityChart
        rows={capacityRows(json.points, sloId)}
        sloLabel={`${sloId} (observed)`}
        objective={sloObjective(doc.scenario.slos ?? [], sloId)}
        maxRatePerSec={json.maxRatePerSec}
      />
      <ul className="exp-legend" aria-label="Legend">
        <li>
          <span className="exp-dot exp-dot--ok" /> every chosen SLO holds{' '}
          <span className="exp-dot exp-dot--bad" /> an SLO fails (judged on the worse end of its 95 %
          interval)
        </li>
      </ul>
      <ScrollRegion className="exp-table-wrap" label="Rates tried">
        <table className="exp-table" data-testid="capacity-table">
          <thead>
            <tr>
              <th scope="col">Rate (/s)</th>
              <th scope="col">SLOs</th>
              {json.slos.map((id) => (
                <th key={id} scope="col">
                  {id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {json.points.map((p) => (
              <tr key={p.ratePerSec} data-ok={p.ok}>
                <th scope="row">{formatNumber(p.ratePerSec)}</th>
                <td className={p.ok ? 'exp-ok' : 'exp-bad'}>{p.ok ? 'hold' : 'fail'}</td>
                {json.slos.map((id) => {
                  const s = p.slos.find((v) => v.id === id);
                  if (!s) return <td key={id}>—</td>;
                  const ci = s.ci95
                    ? `; 95 % interval ${formatNumber(s.ci95[0])} … ${formatNumber(s.ci95[1])}`
                    : '';
                  return (
                    <td
                      key={id}
                      className={s.ok ? undefined : 'exp-bad'}
                      title={`${s.ok ? 'holds' : 'fails'}${ci}`}
                    >
                      {formatNumber(s.observed)}
                      {s.ok ? '' : ' ✗'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
