import './problemsBadge.css';
import { type ProblemsState, useProblems } from '../../state/problemsStore';
import { showBottomTab } from '../../state/sessionStore';
import { Icon } from '../icons/Icon';

const selectCount = (s: ProblemsState) => s.problems.length;
const selectFailing = (s: ProblemsState) => s.problems.filter((p) => p.severity === 'critical').length;

/** The toolbar's problem count on the Run button's corner, red when something will fail; a click opens the Problems tab. */
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
      {count === 0 ? <Icon name="check" size={12} /> : null}
      <span className="problems-count">{count}</span>
    </button>
  );
}
