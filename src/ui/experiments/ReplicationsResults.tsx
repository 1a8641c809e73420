import {
  type ReplicationsOutcome,
  replicationRows,
  replicationSlos,
} from '../../state/experiments/replicationsView';
import { ScrollRegion } from '../dialogs/ScrollRegion';
import { formatNumber } from './format';
import { ReplicationsChart } from './ReplicationsChart';

const interval = (ci: [number, number] | null) =>
  ci ? `${formatNumber(ci[0])} … ${formatNumber(ci[1])}` : '—';

/** A replicated run: its SLOs judged on their intervals, each node's numbers charted, the headline table. */
export function ReplicationsResults({ outcome }: { outcome: ReplicationsOutcome }) {
  const slos = replicationSlos(outcome);
  const rows = replicationRows(outcome);
  return (
    <div className="exp-compare-result" data-testid="replications-result">
      {slos.length > 0 ? (
        <ul className="slo-chips" aria-label="SLOs over the seeds">
          {slos.map((s) => (
            <li
              key={s.id}
              className={s.ok ? 'slo-chip is-ok' : 'slo-chip is-failed'}
              data-testid="replications-slo"
              data-ok={s.ok}
              title={`95 % interval ${interval(s.ci95)}`}
            >
              {s.id} {formatNumber(s.observed)} ± {s.ci95 ? formatNumber((s.ci95[1] - s.ci95[0]) / 2) : '—'}{' '}
              {s.op} {formatNumber(s.value)}
            </li>
          ))}
        </ul>
      ) : null}
      <ReplicationsChart outcome={outcome} />
      <ScrollRegion className="exp-table-wrap" label="Replicated metrics">
        <table className="exp-table" data-testid="replications-table">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Mean</th>
              <th scope="col">± 95 %</th>
              <th scope="col">95 % interval</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ path, value }) => (
              <tr key={path} data-path={path}>
                <th scope="row">
                  <code>{path}</code>
                </th>
                <td>{formatNumber(value.mean)}</td>
                <td>{value.ci95 ? formatNumber((value.ci95[1] - value.ci95[0]) / 2) : '—'}</td>
                <td>{interval(value.ci95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
