import { type Parameter, parseVary, renderExperiment, type SweepJson, sweepDocuments } from '../core';
import { experimentUsage, parseExperimentArgs } from './experimentArgs';
import { experimentHeader, runAndPrintExperiment } from './experimentRunner';
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK } from './io';
import { loadDocument } from './validate';

const usage = `Usage: archplay sweep <file> --vary <path>=<values> [--vary ...] [--metric <path> ...]
                     [--replications <n>] [--jobs <j>] [--seed <s>] [--shard <i/n>] [--json]

Runs the document at every combination of the varied values (the first --vary changes slowest) and
prints { parameters, points: [{ values, metrics, slos }] }: each point's metrics as means with 95 %
intervals over its replications, and its SLO verdicts. Every varied document is validated first; a
path that names no field or a value the schema refuses is reported as "path: message" (exit 2).

<path> addresses a field by ids: nodes.<id>.config.instances, nodes.<id>.config.workload.ratePerSec,
edges.<id>.config.timeoutMs, scenario.durationSec; list entries by index: scenario.faults.0.latencyMs.
<values> is a list v1,v2,... (numbers, true/false or text) or a range from:to:steps (steps values,
both ends included).

Options:
  --vary <path>=<values>  a parameter to vary (repeatable)
  --metric <path>     keep only metrics at or below this path, e.g. nodes.web.latencyMs (repeatable)
${experimentUsage.replace('DEFAULT', '1')}
  --shard <i/n>       run only the i-th of n shares of the runs and print a shard file for merge
  -h, --help          show this help
`;

/** The text form: one row per point with its values, its SLO verdicts and the kept metrics' means. */
function sweepTable(out: SweepJson): string {
  const rows = out.points.map((p) => {
    const values = Object.entries(p.values).map(([k, v]) => `${k}=${String(v)}`);
    const slos = p.slos.map((s) => `${s.id} ${s.ok ? 'PASS' : 'FAIL'} ${s.observed}`);
    const metrics = Object.entries(p.metrics)
      .slice(0, 6)
      .map(([k, m]) => `${k}=${m.mean}`);
    return [...values, ...slos, ...metrics].join('  ');
  });
  return `${rows.join('\n')}\n`;
}

/** `archplay sweep`: what-if runs over one or more parameters. */
export const sweepCommand: Command = {
  summary: 'run a diagram over a grid of parameter values (--vary) and report metrics and SLOs',
  usage,
  async run(argv: string[], io: CliIo) {
    const parsed = parseExperimentArgs(
      argv,
      {
        vary: { type: 'string', multiple: true },
        metric: { type: 'string', multiple: true },
        shard: { type: 'string' },
      },
      { replications: 1 },
    );
    const fail = (problem: string) => {
      io.stderr(`archplay sweep: ${problem}\n\n${usage}`);
      return EXIT_INVALID;
    };
    if ('error' in parsed) return fail(parsed.error);
    const { args, values } = parsed;
    if (args.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    if (args.positionals.length !== 1) {
      return fail(args.positionals.length === 0 ? 'missing the file to sweep' : 'expects exactly one file');
    }
    const specs = (values.vary as string[] | undefined) ?? [];
    if (specs.length === 0) return fail('needs at least one --vary <path>=<values>');
    const parameters: Parameter[] = [];
    for (const spec of specs) {
      const p = parseVary(spec);
      if ('error' in p) return fail(p.error);
      if (parameters.some((q) => q.path === p.path)) return fail(`--vary ${p.path} is given twice`);
      parameters.push(p);
    }
    const points = parameters.reduce((n, p) => n * p.values.length, 1);
    if (points * args.replications > 100_000) {
      return fail(`${points} points x ${args.replications} replications is more than 100000 runs`);
    }
    const loaded = await loadDocument(args.positionals[0]!, io);
    if (!loaded.ok) return loaded.exitCode;
    const documents = sweepDocuments(loaded.document, parameters);
    if (!documents.ok) {
      for (const error of documents.errors) io.stderr(`${error}\n`);
      return EXIT_INVALID;
    }
    const metrics = (values.metric as string[] | undefined) ?? [];
    const header = experimentHeader('sweep', loaded.document, args, { parameters, metrics, points });
    const records = await runAndPrintExperiment(header, documents.documents, args, io);
    if (!args.json && args.shard === undefined) {
      const out = renderExperiment(header, records);
      if ('points' in out) io.stdout(sweepTable(out));
    }
    return EXIT_OK;
  },
};
