import type { Lesson } from '../../core/lessons';
import { showNextHint, useLessons } from '../../state/lessonStore';

/** The lesson's hints, one more at each press, from a nudge to the fix. */
export function LessonHints({ lesson }: { lesson: Lesson }) {
  const shown = useLessons((s) => s.progress.hints[lesson.id] ?? 0);
  const left = lesson.hints.length - shown;
  return (
    <section className="lesson-hints" aria-label="Hints">
      {shown > 0 ? (
        <ol className="lesson-hint-list">
          {lesson.hints.slice(0, shown).map((hint, i) => (
            <li key={hint} data-testid={`lesson-hint-${i}`}>
              {hint}
            </li>
          ))}
        </ol>
      ) : null}
      {left > 0 ? (
        <button type="button" className="btn btn--xs" data-testid="lesson-hint" onClick={showNextHint}>
          {shown === 0 ? 'Show a hint' : 'Show another hint'} ({shown + 1} of {lesson.hints.length})
        </button>
      ) : null}
    </section>
  );
}
