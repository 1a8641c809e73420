import { plannedTasks, sloVerdicts } from '../core';
import { experimentUsage, parseExperimentArgs } from './experimentArgs';
import { experimentHeader, runRecords } from './experimentRunner';
import { type CliIo, type Command, EXIT_CHECK_FAILED, EXIT_INVALID, EXIT_OK } from './io';
import { sloLines } from './sloLines';
import { loadDocument } from './validate';

const usage = `Usage: archplay check <file> [--replications <n>] [--jobs <j>] [--seed <s>] [--json]

Runs the document and checks every SLO it declares (scenario.slos): one line per SLO with its
observed value. With replications, each SLO holds only when the pessimistic end of its 95 %
confidence interval meets the target (the upper end for < and <=, the lower end for > and >=).
Exits 0 when every SLO holds, 1 when any fails, 2 for bad input (or a document without SLOs), 3 when
a limit stopped a run (its SLOs all fail).

Options:
${experimentUsage.replace('DEFAULT', '1')}
  -h, --help          show this help
`;

/** `archplay check <file>`: the SLO gate for CI. */
export const checkCommand: Command = {
  summary: 'run a diagram and check its SLOs (exit 0 all hold, 1 one fails, 2 bad input)',
  usage,
  async run(argv: string[], io: CliIo) {
    const parsed = parseExperimentArgs(argv, {}, { replications: 1 });
    if ('error' in parsed) {
      io.stderr(`archplay check: ${parsed.error}\n\n${usage}`);
      return EXIT_INVALID;
    }
    const args = parsed.args;
    if (args.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    if (args.positionals.length !== 1) {
      const problem =
        args.positionals.length === 0 ? 'missing the file to check' : 'expects exactly one file';
      io.stderr(`archplay check: ${problem}\n\n${usage}`);
      return EXIT_INVALID;
    }
    const file = args.positionals[0]!;
    const loaded = await loadDocument(file, io);
    if (!loaded.ok) return loaded.exitCode;
    const document = loaded.document;
    const slos = document.scenario.slos ?? [];
    if (slos.length === 0) {
      io.stderr(`${file}: scenario.slos: the document declares no SLOs, so there is nothing to check\n`);
      return EXIT_INVALID;
    }
    const header = experimentHeader('run', document, args, { parameters: [], metrics: [], points: 1 });
    const records = await runRecords(plannedTasks([document], header), args, io, 'check');
    const verdicts = sloVerdicts(slos, records);
    const failed = verdicts.filter((v) => !v.ok);
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ ok: failed.length === 0, replications: records.length, slos: verdicts }, null, 2)}\n`,
      );
    } else {
      const seeds =
        records.length === 1 ? `seed ${records[0]!.seed}` : `${records.length} seeds from ${header.seed}`;
      const verdict =
        failed.length === 0 ? 'all hold' : `${failed.length} failed: ${failed.map((f) => f.id).join(', ')}`;
      io.stdout(
        `${sloLines(slos, verdicts).join('\n')}\n${document.name}: ${slos.length} SLOs, ${seeds}: ${verdict}\n`,
      );
    }
    const broken = records.filter((r) => !r.invariantsOk);
    if (broken.length > 0) {
      io.stderr(`archplay check: invariants violated with seed(s) ${broken.map((r) => r.seed).join(', ')}\n`);
    }
    return args.stopped.exitCode(io, 'check', failed.length === 0 ? EXIT_OK : EXIT_CHECK_FAILED);
  },
};
