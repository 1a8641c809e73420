import type { CompareOutcome } from '../../state/experiments/compareView';
import { ScrollRegion } from '../dialogs/ScrollRegion';
import { formatNumber } from './format';

/** Every compared metric: A's and B's means, B − A with Welch's 95 % interval, and whether it is significant. */
export function CompareTable({ outcome }: { outcome: CompareOutcome }) {
  const rows = Object.entries(outcome.result.metrics);
  return (
    <ScrollRegion className="exp-table-wrap" label="Compared metrics">
      <table className="exp-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">B − A</th>
            <th scope="col">95 % interval</th>
            <th scope="col">Significant</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([path, m]) => (
            <tr key={path} className={m.significant ? 'is-significant' : undefined}>
              <th scope="row">
                <code>{path}</code>
              </th>
              <td>{formatNumber(m.a)}</td>
              <td>{formatNumber(m.b)}</td>
              <td>{formatNumber(m.delta)}</td>
              <td>{m.ci95 ? `${formatNumber(m.ci95[0])} … ${formatNumber(m.ci95[1])}` : '—'}</td>
              <td>{m.significant ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
