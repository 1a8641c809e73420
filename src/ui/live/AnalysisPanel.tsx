import type { Finding } from '../../core/analysis/types';
import { documentStore } from '../../state/documentStore';
import { type ProblemsState, useProblems } from '../../state/problemsStore';
import { setSelection } from '../../state/sessionStore';
import { EmptyState } from './EmptyState';

const selectAnalysis = (s: ProblemsState) => s.analysis;
const selectError = (s: ProblemsState) => s.error;

const severityOrder: Record<Finding['severity'], number> = { critical: 0, warning: 1, info: 2 };

/**
 * Styles, patterns, static load and weak points of the design, recomputed as it changes (the same
 * analysis as the problems list: state/problemsStore.ts).
 */
export function AnalysisPanel() {
  const analysis = useProblems(selectAnalysis);
  const error = useProblems(selectError);
  if (analysis === null) {
    return <EmptyState title="The analysis failed">{error}</EmptyState>;
  }
  const labels = new Map(documentStore.getState().document.nodes.map((n) => [n.id, n.label]));
  const findings = analysis.findings
    .slice()
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  const busiest = analysis.load.nodes
    .filter((n) => n.utilisation !== null)
    .sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0))
    .slice(0, 6);
  return (
    <div className="analysis-panel" data-testid="analysis-panel">
      <div className="analysis-main">
        <p className="analysis-summary" data-testid="analysis-summary">
          {analysis.summary}
        </p>
        <div className="analysis-findings">
          {findings.length === 0 ? <div className="panel-toolbar-hint">No weak points found.</div> : null}
          {findings.map((f) => (
            <button
              key={f.id}
              type="button"
              className={`finding finding--${f.severity}`}
              data-testid="finding"
              title={`${f.detail}\n\nSuggestion: ${f.suggestion}`}
              onClick={() => setSelection(f.nodeIds, f.edgeIds)}
            >
              <span className={`finding-sev finding-sev--${f.severity}`}>{f.severity}</span>
              <span className="finding-text">
                <span className="finding-title">{f.title}</span>
                <span className="finding-suggestion">{f.suggestion}</span>
              </span>
            </button>
          ))}
        </div>
      </div>
      <aside className="analysis-side">
        <div className="analysis-sub">Styles</div>
        <div className="state-chips">
          {analysis.style.map((s) => (
            <span key={s.style} className="state-chip" title={s.evidence.join('\n')}>
              {s.name}
            </span>
          ))}
        </div>
        <div className="analysis-sub">Patterns</div>
        <div className="state-chips">
          {analysis.patterns.map((p) => (
            <span key={`${p.pattern}-${p.nodeIds.join()}`} className="state-chip" title={p.detail}>
              {p.name}
            </span>
          ))}
        </div>
        {busiest.length > 0 ? <div className="analysis-sub">Utilisation at peak load</div> : null}
        {busiest.map((n) => (
          <div key={n.nodeId} className="util-row">
            <span className="util-name">{labels.get(n.nodeId) ?? n.nodeId}</span>
            <span className="util-bar">
              <span
                className={`util-fill is-${n.status}`}
                style={{ width: `${Math.min(100, (n.utilisation ?? 0) * 100)}%` }}
              />
            </span>
            <span className="util-value">{Math.round((n.utilisation ?? 0) * 1000) / 10}%</span>
          </div>
        ))}
      </aside>
    </div>
  );
}
