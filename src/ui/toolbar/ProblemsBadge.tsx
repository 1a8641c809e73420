import './problemsBadge.css';
import { type ProblemsState, useProblems } from '../../state/problemsStore';
import { showBottomTab } from '../../state/sessionStore';
import { Icon } from '../icons/Icon';

const selectCount = (s: ProblemsState) => s.problems.length;
const selectFailing = (s: ProblemsState) => s.problems.filter((p) => p.severity === 'critical').length;

/** The toolbar's problem count, red when something will fail; a click opens the Problems tab. */
export function ProblemsBadge() {
  const count = useProblems(selectCount);
  const failing = useProblems(selectFailing);
  const tone = failing > 0 ? 'fail' : count > 0 ? 'warn' : 'ok';
  const words = count === 1 ? 'problem' : 'problems';
  const title =
    count === 0
      ? 'No problems found before Run'
      : `${count} ${words} before Run${failing > 0 ? `, ${failing} will fail` : ''}`;
  return (
    <button
      type="button"
      className={`problems-badge is-${tone}`}
      data-testid="problems-badge"
      aria-label={title}
      title={title}
      onClick={() => showBottomTab('problems')}
    >
      <Icon name={count === 0 ? 'check' : 'alert'} size={14} />
      <span className="problems-count">{count}</span>
    </button>
  );
}
