import type { CompareOutcome } from '../../state/experiments/compareView';
import { TemplateThumb } from '../dialogs/TemplateThumb';
import { CompareChart } from './CompareChart';
import { CompareTable } from './CompareTable';
import { formatNumber } from './format';

const SIDE_COLOURS = { a: 'var(--chart-1)', b: 'var(--chart-2)' } as const;

/** One design of the comparison: its name, a miniature, and its SLOs judged over the replications. */
function Side({ outcome, side }: { outcome: CompareOutcome; side: 'a' | 'b' }) {
  const design = outcome[side];
  const slos = outcome.result.slos.flatMap((s) => (s[side] ? [s[side]] : []));
  return (
    <div className="exp-side" data-testid={`compare-side-${side}`}>
      <div className="exp-side-head">
        <span className="exp-side-letter" style={{ background: SIDE_COLOURS[side] }}>
          {side.toUpperCase()}
        </span>
        <span className="exp-side-name">{design.name}</span>
      </div>
      <TemplateThumb document={design.document} />
      <div className="exp-side-meta">
        {design.document.nodes.length} components · {design.document.edges.length} links
      </div>
      {slos.length > 0 ? (
        <ul className="slo-chips" aria-label={`SLOs of ${side.toUpperCase()}`}>
          {slos.map((s) => (
            <li
              key={s.id}
              className={s.ok ? 'slo-chip is-ok' : 'slo-chip is-failed'}
              data-testid="compare-slo"
            >
              {s.id} {formatNumber(s.observed)} {s.op} {formatNumber(s.value)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What changed from A to B, node and link ids by kind of change. */
function Structure({ outcome }: { outcome: CompareOutcome }) {
  const { added, removed, changed } = outcome.result.structure;
  const rows = [
    ['Added in B', added],
    ['Removed in B', removed],
    ['Changed', changed],
  ] as const;
  if (added.length + removed.length + changed.length === 0)
    return (
      <p className="exp-structure" data-testid="compare-structure" data-changes={0}>
        No structural change: the same nodes and links with the same settings.
      </p>
    );
  return (
    <dl
      className="exp-structure"
      data-testid="compare-structure"
      data-changes={added.length + removed.length + changed.length}
    >
      {rows.map(([label, ids]) =>
        ids.length > 0 ? (
          <div key={label} className="exp-structure-row">
            <dt>
              {label} ({ids.length})
            </dt>
            <dd>{ids.join(', ')}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

/** A comparison's result: both designs side by side, their structural diff, overlaid charts, the metrics. */
export function CompareResults({ outcome }: { outcome: CompareOutcome }) {
  const significant = Object.values(outcome.result.metrics).filter((m) => m.significant).length;
  return (
    <div className="exp-compare-result" data-testid="compare-result">
      <div className="exp-sides">
        <Side outcome={outcome} side="a" />
        <Side outcome={outcome} side="b" />
      </div>
      <Structure outcome={outcome} />
      <CompareChart outcome={outcome} colours={SIDE_COLOURS} />
      <div className="exp-table-head">
        <span className="exp-result-title">Metrics over {outcome.replications} seeds</span>
        <span className="exp-result-sub" data-testid="compare-significant" data-count={significant}>
          {significant === 0
            ? 'no significant difference (Welch, 95 %)'
            : `${significant} significant difference${significant === 1 ? '' : 's'} (Welch, 95 %)`}
        </span>
      </div>
      <CompareTable outcome={outcome} />
    </div>
  );
}
