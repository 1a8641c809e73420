import { useEffect, useState } from 'react';
import type { IndexEntry } from '../../state/lessonFiles';
import { loadLessonIndex, openLesson, useLessons } from '../../state/lessonStore';
import { closeDialog, setSelection } from '../../state/sessionStore';
import { fitViewSoon } from '../canvas/flowControls';
import { Modal } from '../dialogs/Modal';
import { Icon } from '../icons/Icon';
import { toast } from '../toast/toastStore';

/** The lessons grouped by section, in the order of the learning path. */
function bySection(lessons: IndexEntry[]): [string, IndexEntry[]][] {
  const sections = new Map<string, IndexEntry[]>();
  for (const l of lessons) sections.set(l.section, [...(sections.get(l.section) ?? []), l]);
  return [...sections];
}

/** The learning path: every lesson with the learner's progress; opening one sets the design aside. */
export function LessonsDialog() {
  const index = useLessons((s) => s.index);
  const done = useLessons((s) => s.progress.done);
  const activeId = useLessons((s) => s.lesson?.id ?? null);
  const [opening, setOpening] = useState<string | null>(null);
  useEffect(() => void loadLessonIndex(), []);

  const open = async (entry: IndexEntry) => {
    setOpening(entry.id);
    const opened = await openLesson(entry.id);
    setOpening(null);
    if (!opened.ok) {
      toast(`Cannot open the lesson: ${opened.message}`, 'error');
      return;
    }
    setSelection([], []);
    closeDialog();
    fitViewSoon();
    toast(`Opened the lesson “${entry.title}”; your design is in File → Recent`, 'success');
  };

  const lessons = index.status === 'ok' ? index.lessons : [];
  const passed = lessons.filter((l) => done.includes(l.id)).length;
  return (
    <Modal
      title="Lessons"
      subtitle="Learn by fixing: each lesson opens a design that fails its goal. Yours stays in File → Recent."
      testId="lessons-dialog"
      width={640}
    >
      {index.status === 'loading' ? <div className="modal-note">Loading lessons…</div> : null}
      {index.status === 'failed' ? (
        <div className="modal-note" role="alert">
          The lessons cannot be read: {index.message}
        </div>
      ) : null}
      {lessons.length > 0 ? (
        <>
          <div className="lesson-progress" data-testid="lessons-progress">
            <progress max={lessons.length} value={passed} aria-label="Lessons passed" />
            <span>
              {passed} of {lessons.length} passed
            </span>
          </div>
          {bySection(lessons).map(([section, entries]) => (
            <section key={section} className="lesson-section" aria-label={section}>
              <h3 className="lesson-section-title">{section}</h3>
              <ul className="lesson-list">
                {entries.map((entry) => {
                  const isDone = done.includes(entry.id);
                  return (
                    <li key={entry.id}>
                      <button
                        type="button"
                        className="lesson-row"
                        data-testid={`lesson-${entry.id}`}
                        data-done={isDone ? '' : undefined}
                        disabled={opening !== null}
                        onClick={() => void open(entry)}
                      >
                        <span className={`lesson-mark${isDone ? ' is-done' : ''}`} aria-hidden="true">
                          {isDone ? <Icon name="check" size={14} /> : null}
                        </span>
                        <span className="lesson-row-title">{entry.title}</span>
                        <span className="lesson-row-state">
                          {opening === entry.id
                            ? 'Opening…'
                            : isDone
                              ? 'Passed'
                              : activeId === entry.id
                                ? 'Open'
                                : ''}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </>
      ) : null}
    </Modal>
  );
}
