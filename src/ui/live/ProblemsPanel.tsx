import './problems.css';
import type { Finding } from '../../core/analysis/types';
import { applyFix, type ProblemsState, useProblems } from '../../state/problemsStore';
import { setSelection } from '../../state/sessionStore';
import { Icon } from '../icons/Icon';
import { EmptyState } from './EmptyState';

const selectProblems = (s: ProblemsState) => s.problems;

/** How a problem's severity reads in the list. */
const problemWords: Record<Finding['severity'], string> = {
  critical: 'Will fail',
  warning: 'Suspicious',
  info: 'Note',
};

function ProblemRow({ problem }: { problem: Finding }) {
  return (
    <li className={`problem problem--${problem.severity}`} data-testid="problem">
      <button
        type="button"
        className="problem-main"
        title={`${problem.detail}\n\n${problem.suggestion}`}
        onClick={() => setSelection(problem.nodeIds, problem.edgeIds)}
      >
        <span className={`finding-sev finding-sev--${problem.severity}`}>
          {problemWords[problem.severity]}
        </span>
        <span className="finding-text">
          <span className="finding-title">{problem.title}</span>
          <span className="finding-suggestion">{problem.detail}</span>
        </span>
      </button>
      {problem.fixes.map((fix) => (
        <button
          key={fix.label}
          type="button"
          className="btn btn--ghost problem-fix"
          data-testid="problem-fix"
          onClick={() => applyFix(problem.id, fix.label)}
        >
          <Icon name="check" size={14} />
          {fix.label}
        </button>
      ))}
    </li>
  );
}

/**
 * The problems list: what will fail or looks wrong in how the design is wired, before any run. A
 * click selects what a problem names; a fix changes the document in one undoable step.
 */
export function ProblemsPanel() {
  const problems = useProblems(selectProblems);
  if (problems.length === 0) {
    return (
      <EmptyState title="No problems" testId="problems-empty">
        Every link carries traffic and every route and step has its link. Press Run to see it work.
      </EmptyState>
    );
  }
  return (
    <ul className="problems-list" data-testid="problems-panel" aria-label="Problems">
      {problems.map((p) => (
        <ProblemRow key={p.id} problem={p} />
      ))}
    </ul>
  );
}
