import { parseArgs } from 'node:util';
import {
  type CheckVerdict,
  formatIssue,
  judgeLesson,
  type Lesson,
  type LessonVerdict,
  lessonTasks,
  MAX_DOCUMENT_BYTES,
  parseLesson,
} from '../core';
import { defaultJobs, runTasks } from './host/replicaPool';
import { type CliIo, type Command, EXIT_CHECK_FAILED, EXIT_INVALID, EXIT_OK, readDocumentFile } from './io';
import { limitOptions, limitUsage, parseLimitArgs, StoppedRuns } from './limitArgs';
import { loadDocument } from './validate';

const usage = `Usage: archplay lesson check <lesson.json> <design.json> [--json] [--jobs <j>]

Checks a design against a lesson of the learning path (public/lessons/<id>.json): runs the design
under the lesson's scenario (its load, faults, duration and seeds, whatever the design's timeline
says) and judges each of the lesson's checks (SLOs, metric assertions, invariants). A check passes
only when it holds on every seed the lesson names; the worst seed's value is shown.
Exits 0 when every check passes, 1 when any fails (or the design lacks what the lesson measures),
2 for bad input (an unreadable or invalid lesson or design, an unknown option), 3 when a limit
stopped a run (its checks are judged on the run up to the stop, and its SLOs fail).

Options:
  --jobs <j>   runs at a time: this thread and j-1 worker threads (default: one per core);
               the verdict is the same for every j
  --json       print one JSON object: { lesson, ok, seeds, checks: [{ id, label, kind, ok, op,
               observed, value, seed, bySeed, note? }] }
${limitUsage}
  -h, --help   show this help
`;

/** What a check measured, in a few words: `system errorRate over 10..end s`, `edges.a-b.retries`. */
function measured(lesson: Lesson, verdict: CheckVerdict): string {
  const check = lesson.checks.find((c) => c.id === verdict.id)!;
  if (check.kind === 'invariants') return 'invariant violations';
  if (check.kind === 'metric') return check.aggregate ? `${check.aggregate} of ${check.path}` : check.path;
  const window =
    check.fromSec === undefined && check.toSec === undefined
      ? ''
      : ` over ${check.fromSec ?? 0}..${check.toSec ?? 'end'} s`;
  return `${check.target} ${check.metric}${window}`;
}

/** One line per check: `PASS  label: what = observed, needs op value (seed s)`, then a verdict line. */
function verdictLines(lesson: Lesson, verdict: LessonVerdict): string {
  const lines = verdict.checks.map((c) => {
    const observed = c.observed === null ? 'not measured' : String(c.observed);
    const seed = verdict.seeds.length > 1 ? ` (worst of seeds ${verdict.seeds.join(', ')}: ${c.seed})` : '';
    const note = c.note === undefined ? '' : `\n      ${c.note}`;
    return `${c.ok ? 'PASS' : 'FAIL'}  ${c.label}: ${measured(lesson, c)} = ${observed}, needs ${c.op} ${c.value ?? '?'}${seed}${note}`;
  });
  const passed = verdict.checks.filter((c) => c.ok).length;
  const outcome = verdict.ok ? 'passed' : 'not passed yet';
  lines.push(`${lesson.id}: ${passed} of ${verdict.checks.length} checks pass: ${outcome}`);
  return `${lines.join('\n')}\n`;
}

function parseLessonArgs(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        jobs: { type: 'string' },
        ...limitOptions,
      },
      allowPositionals: true,
    });
    const jobsText = values.jobs;
    const jobs = jobsText === undefined ? defaultJobs() : Number(jobsText);
    if (!/^\d+$/.test(jobsText ?? '1') || jobs < 1 || jobs > 256)
      return { error: `--jobs must be an integer from 1 to 256, got "${jobsText}"` };
    const limits = parseLimitArgs(values);
    if ('error' in limits) return limits;
    return { help: values.help === true, json: values.json === true, jobs, limits, positionals };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function loadLesson(file: string, io: CliIo): Promise<Lesson | null> {
  const read = await readDocumentFile(file, io, 2 * MAX_DOCUMENT_BYTES);
  if (!read.ok) {
    io.stderr(`${read.message}\n`);
    return null;
  }
  const parsed = parseLesson(read.text);
  if (parsed.ok) return parsed.lesson;
  for (const issue of parsed.errors) io.stderr(`${file}: ${formatIssue(issue)}\n`);
  return null;
}

/** `archplay lesson check <lesson> <design>`: a lesson's checks as a gate, for learners and CI. */
export const lessonCommand: Command = {
  summary: 'check a design against a lesson (exit 0 passes, 1 not yet, 2 bad input)',
  usage,
  async run(argv: string[], io: CliIo) {
    const args = parseLessonArgs(argv);
    if ('error' in args) {
      io.stderr(`archplay lesson: ${args.error}\n\n${usage}`);
      return EXIT_INVALID;
    }
    if (args.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    const [sub, lessonFile, designFile, ...extra] = args.positionals;
    if (sub !== 'check' || lessonFile === undefined || designFile === undefined || extra.length > 0) {
      const problem =
        sub !== 'check'
          ? sub === undefined
            ? 'missing the subcommand (check)'
            : `unknown subcommand "${sub}"`
          : 'expects a lesson file and a design file';
      io.stderr(`archplay lesson: ${problem}\n\n${usage}`);
      return EXIT_INVALID;
    }
    const lesson = await loadLesson(lessonFile, io);
    if (lesson === null) return EXIT_INVALID;
    const design = await loadDocument(designFile, io);
    if (!design.ok) return design.exitCode;
    const planned = lessonTasks(lesson, design.document);
    if (!planned.ok) {
      io.stderr(`${designFile}: cannot be checked against ${lesson.id}:\n`);
      for (const issue of planned.errors) io.stderr(`  ${formatIssue(issue)}\n`);
      return EXIT_CHECK_FAILED;
    }
    const results = await runTasks(planned.tasks, {
      jobs: args.jobs,
      limits: args.limits.limits,
      maxWallSec: args.limits.maxWallSec,
    });
    const verdict = judgeLesson(lesson, results);
    if (args.json) io.stdout(`${JSON.stringify({ lesson: lesson.id, ...verdict }, null, 2)}\n`);
    else io.stdout(verdictLines(lesson, verdict));
    const stopped = new StoppedRuns();
    results.forEach((r, k) => {
      if (r.summary.stopped) stopped.add(planned.tasks[k]!.seed, r.summary.stopped);
    });
    return stopped.exitCode(io, 'lesson check', verdict.ok ? EXIT_OK : EXIT_CHECK_FAILED);
  },
};
