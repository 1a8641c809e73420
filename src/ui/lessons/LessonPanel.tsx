import { backToMyDesign, checkDesign, closeLesson, useLessons } from '../../state/lessonStore';
import { openDialog, setSelection } from '../../state/sessionStore';
import { fitViewSoon } from '../canvas/flowControls';
import { SidePanel } from '../panels/SidePanel';
import { toast } from '../toast/toastStore';
import { CheckResults } from './CheckResults';
import { LessonHints } from './LessonHints';

function back(): void {
  const restored = backToMyDesign();
  if (!restored.ok) {
    toast(restored.message, 'error');
    return;
  }
  setSelection([], []);
  fitViewSoon();
  toast(`Back to “${restored.name}”; the lesson’s design is in File → Recent`, 'success');
}

/** The open lesson beside the canvas: its goal, Check, the verdict per check, hints, the explanation. */
export function LessonPanel() {
  const lesson = useLessons((s) => s.lesson);
  const check = useLessons((s) => s.check);
  const canGoBack = useLessons((s) => s.progress.returnTo !== null);
  const done = useLessons((s) => (lesson ? s.progress.done.includes(lesson.id) : false));
  if (lesson === null) return null;
  const passed = check.status === 'done' && check.outcome.ok && check.outcome.verdict.ok;
  return (
    <SidePanel id="lesson" side="left" title="Lesson" collapseBelowPx={0} className="lesson-panel">
      <div className="lesson-scroll" data-testid="lesson-panel">
        <p className="lesson-concept">
          {lesson.concept}
          {done ? <span className="lesson-done-tag"> · passed before</span> : null}
        </p>
        <h3 className="lesson-title">{lesson.title}</h3>
        <p className="lesson-goal">{lesson.goal}</p>
        <button
          type="button"
          className="btn btn--primary lesson-check-button"
          data-testid="lesson-check"
          disabled={check.status === 'running'}
          onClick={() => void checkDesign()}
        >
          {check.status === 'running' ? 'Checking…' : 'Check my design'}
        </button>
        <CheckResults lesson={lesson} check={check} />
        {passed ? (
          <section className="lesson-explanation" aria-label="Why it works" data-testid="lesson-explanation">
            <h4>Why it works</h4>
            <p>{lesson.explanation}</p>
          </section>
        ) : (
          <LessonHints lesson={lesson} />
        )}
        <div className="lesson-actions">
          <button type="button" className="btn btn--xs" onClick={() => openDialog('lessons')}>
            All lessons
          </button>
          {canGoBack ? (
            <button type="button" className="btn btn--xs" data-testid="lesson-back" onClick={back}>
              Back to my design
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn--xs btn--ghost"
            data-testid="lesson-close"
            onClick={closeLesson}
          >
            Close lesson
          </button>
        </div>
      </div>
    </SidePanel>
  );
}
