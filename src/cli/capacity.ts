import { CAPACITY_DEFAULTS, capacityTarget, searchCapacity } from '../core';
import { experimentUsage, parseExperimentArgs } from './experimentArgs';
import { runRecords } from './experimentRunner';
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK } from './io';
import { loadDocument } from './validate';

const usage = `Usage: archplay capacity <file> --client <id> [--slo <id> ...] [--tolerance <x>]
                        [--replications <n>] [--jobs <j>] [--seed <s>] [--json]

Finds the highest steady request rate of one client (an open workload; its own rate changes in
scenario.workloadChanges are left out) at which the SLOs hold: it starts
at the document's rate, doubles or halves it until the SLOs change verdict, then bisects until the
bracket is within the tolerance. Each step runs the replications; with more than one, an SLO holds
only when the pessimistic end of its 95 % interval meets the target. Prints
{ client, maxRatePerSec, bottleneck: { node, utilization }, points }: the bottleneck is the node with
the highest utilisation (busy slot-time over slot-time, so a station saturates when all its slots
are busy) at the highest passing rate.

Options:
  --client <id>       the client whose ratePerSec is searched (required)
  --slo <id>          an SLO that must hold (repeatable; default: every SLO of the document)
  --tolerance <x>     stop when (fail - pass) / pass <= x (default 0.01)
${experimentUsage.replace('DEFAULT', '1')}
  -h, --help          show this help
`;

/** `archplay capacity`: how much load until the SLOs break, and which node saturates first. */
export const capacityCommand: Command = {
  summary: "find a client's highest rate at which the SLOs hold, and the bottleneck node",
  usage,
  async run(argv: string[], io: CliIo) {
    const parsed = parseExperimentArgs(
      argv,
      { client: { type: 'string' }, slo: { type: 'string', multiple: true }, tolerance: { type: 'string' } },
      { replications: 1 },
    );
    const fail = (problem: string) => {
      io.stderr(`archplay capacity: ${problem}\n\n${usage}`);
      return EXIT_INVALID;
    };
    if ('error' in parsed) return fail(parsed.error);
    const { args, values } = parsed;
    if (args.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    if (args.positionals.length !== 1) {
      return fail(args.positionals.length === 0 ? 'missing the file to search' : 'expects exactly one file');
    }
    if (typeof values.client !== 'string') return fail('needs --client <id>');
    const tolerance = values.tolerance === undefined ? CAPACITY_DEFAULTS.tolerance : Number(values.tolerance);
    if (!(tolerance >= 0.0001 && tolerance <= 0.5)) {
      return fail(`--tolerance must be a number from 0.0001 to 0.5, got "${String(values.tolerance)}"`);
    }
    const loaded = await loadDocument(args.positionals[0]!, io);
    if (!loaded.ok) return loaded.exitCode;
    const document = loaded.document;
    const target = capacityTarget(document, values.client, (values.slo as string[] | undefined) ?? []);
    if ('error' in target) {
      io.stderr(`${target.option ? '--' : ''}${target.error}\n`);
      return EXIT_INVALID;
    }
    const found = await searchCapacity(
      document,
      target,
      { replications: args.replications, seed: args.seed, tolerance },
      (tasks, rate) => runRecords(tasks, args, io, `capacity ${rate}/s`),
    );
    if ('errors' in found) {
      for (const error of found.errors) io.stderr(`${error}\n`);
      return EXIT_INVALID;
    }
    const out = found.json;
    const max = out.maxRatePerSec;
    if (args.json) io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    else {
      const tried = out.points.map(
        (p) =>
          `  ${p.ratePerSec}/s ${p.ok ? 'PASS' : 'FAIL'}  ${p.slos.map((s) => `${s.id}=${s.observed}`).join('  ')}`,
      );
      const neck = out.bottleneck
        ? `${out.bottleneck.node} at ${(out.bottleneck.utilization * 100).toFixed(1)} % utilisation`
        : 'none';
      const held =
        target.ignoredWorkloadChanges > 0
          ? `(its ${target.ignoredWorkloadChanges} rate change(s) in scenario.workloadChanges left out: the rate was held steady)\n`
          : '';
      io.stdout(
        `${tried.join('\n')}\n${values.client}: at most ${max} requests/s with ${target.slos.join(', ')} holding; bottleneck: ${neck}\n${held}`,
      );
    }
    return args.stopped.exitCode(io, 'capacity', EXIT_OK);
  },
};
