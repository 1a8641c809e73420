import { createRun, observeRun, type RunReport } from '../core';
import { type ExperimentArgs, parseExperimentArgs } from './experimentArgs';
import { type CliIo, type Command, EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_STOPPED } from './io';
import { type LimitArgs, limitUsage, stopLine, wallWatch } from './limitArgs';
import { runReplications } from './runReplications';
import { sloLines } from './sloLines';
import { formatSummary } from './summaryTable';
import { loadDocument } from './validate';

const usage = `Usage: archplay run <file> [--duration <s>] [--seed <n>] [--json]
       archplay run <file> --replications <n> [--jobs <j>] [--shard <i/n>] [--seed <n>] [--json]

Simulates an archplay diagram document and prints the run summary: requests, per-node counts,
throughput, error rate, utilisation and latency percentiles, per-edge calls, retries and timeouts,
failures by cause (\`failures\` in JSON: byCause sums to requests.failed; byNode, byEdge),
orders, read-model and bus lag, and the invariant check. The same file and seed always print the same bytes.
An invalid document is reported like \`archplay validate\` (exit 2); a broken invariant exits 1; a run
a limit stopped prints its summary up to the stop, marked \`stopped\`, and exits 3.
When the document declares SLOs (scenario.slos), each one's verdict is printed too (\`slos\` in JSON).

With --replications n, seeds S..S+n-1 run in parallel (worker threads) and the output adds
\`replications\`: every number of the summary as a mean with its 95 % Student-t interval (after the
warm-up), and each SLO judged on the pessimistic end of its interval. The output is the same bytes
for every --jobs. --shard i/n runs only the i-th share of the seeds and prints a shard file for
\`archplay merge\`, which gives the same bytes as one unsharded run.

Options:
  --duration <s>  simulated seconds (default: the scenario's durationSec)
  --seed <n>      random seed, an integer 0..4294967295 (default: the scenario's seed)
  --json          print one JSON object instead of tables
  --replications <n>  run n seeds and add means and 95 % intervals (1..10000)
  --jobs <j>      runs at a time, this thread and j-1 worker threads (default: one per core)
  --shard <i/n>   run only the i-th of n shares of the replications (prints a shard file)
${limitUsage}
  -h, --help      show this help
`;

interface RunArgs {
  help: boolean;
  json: boolean;
  file?: string;
  durationSec?: number;
  seed?: number;
  limits?: LimitArgs;
  /** Set when --replications, --jobs or --shard asks for an experiment. */
  experiment?: ExperimentArgs;
}

function parseRunArgs(args: string[]): RunArgs | { error: string } {
  const parsed = parseExperimentArgs(
    args,
    { duration: { type: 'string' }, shard: { type: 'string' } },
    { replications: 1 },
  );
  if ('error' in parsed) return parsed;
  const { args: common, values } = parsed;
  if (common.help) return { help: true, json: false };
  const positionals = common.positionals;
  if (positionals.length !== 1) {
    return { error: positionals.length === 0 ? 'missing the file to run' : 'expects exactly one file' };
  }
  const out: RunArgs = {
    help: false,
    json: common.json,
    file: positionals[0]!,
    seed: common.seed,
    limits: common.limits,
  };
  if (typeof values.duration === 'string') {
    const d = Number(values.duration);
    if (!Number.isFinite(d) || d <= 0 || d > 86_400) {
      return { error: `--duration must be a number of seconds in (0, 86400], got "${values.duration}"` };
    }
    out.durationSec = d;
  }
  if (values.replications !== undefined || values.jobs !== undefined || common.shard !== undefined) {
    out.experiment = common;
  }
  return out;
}

/** `archplay run <file>`: the headless simulation, for people and CI fitness checks. */
export const runCommand: Command = {
  summary: 'simulate a diagram and print its run summary (tables or --json)',
  usage,
  async run(args: string[], io: CliIo) {
    const parsed = parseRunArgs(args);
    if ('error' in parsed) {
      io.stderr(`archplay run: ${parsed.error}\n\n${usage}`);
      return EXIT_INVALID;
    }
    if (parsed.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    const loaded = await loadDocument(parsed.file!, io);
    if (!loaded.ok) return loaded.exitCode;
    const document = loaded.document;
    if (parsed.experiment) return runReplications(document, parsed.durationSec, parsed.experiment, io);
    const { limits, maxWallSec } = parsed.limits!;
    const run = createRun(document, { seed: parsed.seed, durationSec: parsed.durationSec, limits });
    const { summary, slos } = observeRun(run, document, wallWatch(maxWallSec));
    const declared = document.scenario.slos;
    if (parsed.json) {
      const out: RunReport = declared ? { ...summary, slos } : summary;
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      const lines = declared ? `\n${sloLines(declared, slos).join('\n')}\n` : '';
      io.stdout(`${formatSummary(document.name, summary)}${lines}`);
    }
    if (!summary.invariants.ok) {
      io.stderr(`archplay run: ${summary.invariants.violations.length} invariant(s) violated\n`);
      return EXIT_INTERNAL;
    }
    if (summary.stopped) {
      io.stderr(stopLine('run', summary.stopped));
      return EXIT_STOPPED;
    }
    return EXIT_OK;
  },
};
