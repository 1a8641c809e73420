import { type CompareJson, compareDocuments } from '../core';
import { type ExperimentArgs, experimentUsage, parseExperimentArgs } from './experimentArgs';
import { runRecords } from './experimentRunner';
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK } from './io';
import { loadDocument } from './validate';

const usage = `Usage: archplay compare <a.json> <b.json> [--metric <path> ...] [--replications <n>] [--jobs <j>]
                       [--seed <s>] [--json]

Runs both documents over the same seeds and prints { structure: { added, removed, changed },
metrics: { <path>: { a, b, delta, ci95, significant } }, slos }: what changed in the design (nodes
and edges by id, and the scenario), every metric both report as means with B - A, Welch's 95 %
interval of the difference and whether it is significant at 5 %, and each SLO on both sides. A
document compared with itself shows no change and no significant difference.

Options:
  --metric <path>     keep only metrics at or below this path (repeatable)
${experimentUsage.replace('DEFAULT', '5')}
  -h, --help          show this help
`;

function compareText(out: CompareJson): string {
  const s = out.structure;
  const lines = [
    `structure: ${s.added.length} added, ${s.removed.length} removed, ${s.changed.length} changed`,
    ...s.added.map((x) => `  + ${x}`),
    ...s.removed.map((x) => `  - ${x}`),
    ...s.changed.map((x) => `  ~ ${x}`),
  ];
  const significant = Object.entries(out.metrics).filter(([, m]) => m.significant);
  lines.push(`significant differences (B - A, 95% CI): ${significant.length}`);
  for (const [path, m] of significant) {
    lines.push(
      `  ${path}: ${m.a} -> ${m.b} (${m.delta > 0 ? '+' : ''}${m.delta}, ${m.ci95![0]}..${m.ci95![1]})`,
    );
  }
  for (const slo of out.slos) {
    const side = (v: CompareJson['slos'][number]['a']) =>
      v === null ? 'n/a' : `${v.ok ? 'PASS' : 'FAIL'} ${v.observed}`;
    lines.push(`slo ${slo.id}: A ${side(slo.a)}, B ${side(slo.b)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `archplay compare a b`: is design B better than design A, or is the difference noise? */
export const compareCommand: Command = {
  summary: 'run two diagrams over the same seeds and report what differs, with significance',
  usage,
  async run(argv: string[], io: CliIo) {
    const parsed = parseExperimentArgs(
      argv,
      { metric: { type: 'string', multiple: true } },
      { replications: 5 },
    );
    const fail = (problem: string) => {
      io.stderr(`archplay compare: ${problem}\n\n${usage}`);
      return EXIT_INVALID;
    };
    if ('error' in parsed) return fail(parsed.error);
    const { args, values } = parsed;
    if (args.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    if (args.positionals.length !== 2) return fail('expects two files, A and B');
    const a = await loadDocument(args.positionals[0]!, io);
    if (!a.ok) return a.exitCode;
    const b = await loadDocument(args.positionals[1]!, io);
    if (!b.ok) return b.exitCode;
    const run = (tasks: Parameters<typeof runRecords>[0], label: string) =>
      runRecords(tasks, args as ExperimentArgs, io, label);
    const out = await compareDocuments(a.document, b.document, {
      seed: args.seed,
      replications: args.replications,
      metrics: (values.metric as string[] | undefined) ?? [],
      run: (tasks) => run(tasks, 'compare'),
    });
    io.stdout(args.json ? `${JSON.stringify(out, null, 2)}\n` : compareText(out));
    return args.stopped.exitCode(io, 'compare', EXIT_OK);
  },
};
