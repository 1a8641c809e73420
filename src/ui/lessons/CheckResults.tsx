import type { Lesson } from '../../core/lessons';
import type { CheckState } from '../../state/lessonStore';
import { Icon } from '../icons/Icon';
import { describeVerdict } from './readings';

/** The outcome of the last Check: pass or fail per check with what was observed, or why it could not run. */
export function CheckResults({ lesson, check }: { lesson: Lesson; check: CheckState }) {
  if (check.status === 'idle') return null;
  if (check.status === 'running')
    return (
      <div className="lesson-running" role="status">
        <progress max={1} value={check.share} aria-label="Checking the design" />
        <span>Running the lesson’s scenario… {Math.round(check.share * 100)} %</span>
      </div>
    );
  if (check.status === 'failed')
    return (
      <div className="lesson-problem" role="alert">
        The check could not run: {check.message}
      </div>
    );
  const { outcome } = check;
  if (!outcome.ok)
    return (
      <div className="lesson-problem" role="alert" data-testid="lesson-problems">
        <p>This design cannot be checked against the lesson:</p>
        <ul>
          {outcome.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      </div>
    );
  const { verdict } = outcome;
  const passed = verdict.checks.filter((c) => c.ok).length;
  return (
    <div className="lesson-results" data-testid="lesson-results" data-passed={verdict.ok ? '' : undefined}>
      <p className="lesson-verdict" role="status">
        {verdict.ok
          ? `Passed: all ${verdict.checks.length} checks hold on every seed.`
          : `${passed} of ${verdict.checks.length} checks pass. Not yet.`}
      </p>
      <ul className="lesson-checks">
        {verdict.checks.map((c) => (
          <li key={c.id} className={c.ok ? 'is-pass' : 'is-fail'} data-testid={`lesson-check-${c.id}`}>
            <Icon name={c.ok ? 'check' : 'x'} size={14} />
            <div>
              <span className="sr-only">{c.ok ? 'Pass: ' : 'Fail: '}</span>
              <span className="lesson-check-label">{c.label}</span>
              <span className="lesson-check-reading">
                {describeVerdict(
                  lesson.checks.find((k) => k.id === c.id),
                  c,
                )}
                {verdict.seeds.length > 1 ? ` (worst of ${verdict.seeds.length} seeds)` : ''}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
