import { type ArchDocument, createRun, type ReplicaTask, type Run, SloObserver } from './coreApi';
import { judgeLesson, type LessonRun, type LessonVerdict } from './judge';
import type { Lesson } from './schema';

/** One run under way: the run and the observer of its SLOs. */
interface Current {
  run: Run;
  observer: SloObserver;
}

/**
 * Checks a design against a lesson one slice at a time, so a host (the app's worker) can stay
 * responsive and report progress: `advance` runs at most `maxEvents` engine events of the current
 * seed's run, stopping at SLO window ends as `observeRun` does, so the verdict equals that of
 * running each seed with `runReplica`.
 */
export class LessonCheckRun {
  private current: Current | null = null;
  private next = 0;
  private readonly runs: LessonRun[] = [];

  constructor(
    private readonly lesson: Pick<Lesson, 'checks'>,
    private readonly tasks: readonly ReplicaTask[],
  ) {}

  get done(): boolean {
    return this.next >= this.tasks.length && this.current === null;
  }

  /** Share of the work done, 0 to 1 (by simulated time over every seed's run). */
  get progress(): number {
    if (this.tasks.length === 0) return 1;
    const partial = this.current ? this.current.run.nowMs / this.current.run.durationMs : 0;
    return (this.runs.length + partial) / this.tasks.length;
  }

  /** Runs at most `maxEvents` engine events; returns the events run. */
  advance(maxEvents: number): number {
    if (this.current === null) {
      const task = this.tasks[this.next++];
      if (task === undefined) return 0;
      this.current = start(task.document, task.seed);
    }
    const { run, observer } = this.current;
    const { events } = run.advance(Math.min(observer.nextStopMs(), run.durationMs), maxEvents);
    observer.observe();
    if (run.done) {
      const summary = run.summary();
      this.runs.push({ summary, slos: observer.results(summary) });
      this.current = null;
    }
    return events;
  }

  /** The verdict, once done. */
  verdict(): LessonVerdict {
    return judgeLesson(this.lesson, this.runs);
  }
}

function start(document: ArchDocument, seed: number): Current {
  // As runReplica: no traces, which cost time and which no check reads.
  const run = createRun(document, { seed, traceSampleEvery: 0 });
  const observer = new SloObserver(run, document);
  observer.observe();
  return { run, observer };
}
