import { parseArgs } from 'node:util';
import { mergeShards, renderExperiment } from '../core';
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, readDocumentFile } from './io';
import { StoppedRuns } from './limitArgs';

const usage = `Usage: archplay merge <shard.json> ... [--json]

Merges the shard files of one experiment (\`run --replications\` or \`sweep\` with --shard i/n) into
its result: the same bytes as the unsharded command with --json prints. Every shard 1..n must be
given once, all of the same document, options and SLOs; the order of the files does not matter.
Exits 3 when a limit stopped one of the runs, as the unsharded command would.

Options:
  --json       print JSON (the only output form; accepted for symmetry with the other commands)
  -h, --help   show this help
`;

/** `archplay merge`: the gather step after a CI matrix or a Job array ran the shards. */
export const mergeCommand: Command = {
  summary: 'merge the shard files of a sharded run or sweep into its result',
  usage,
  async run(argv: string[], io: CliIo) {
    let positionals: string[];
    try {
      const parsed = parseArgs({
        args: argv,
        options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } },
        allowPositionals: true,
      });
      if (parsed.values.help) {
        io.stdout(usage);
        return EXIT_OK;
      }
      positionals = parsed.positionals;
    } catch (error) {
      io.stderr(`archplay merge: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
      return EXIT_INVALID;
    }
    if (positionals.length === 0) {
      io.stderr(`archplay merge: missing the shard files\n\n${usage}`);
      return EXIT_INVALID;
    }
    const files: { name: string; content: unknown }[] = [];
    for (const name of positionals) {
      const read = await readDocumentFile(name, io);
      if (!read.ok) {
        io.stderr(`${read.message}\n`);
        return EXIT_INVALID;
      }
      try {
        files.push({ name, content: JSON.parse(read.text) });
      } catch (error) {
        io.stderr(`${name}: not JSON (${error instanceof Error ? error.message : String(error)})\n`);
        return EXIT_INVALID;
      }
    }
    const merged = mergeShards(files);
    if (!merged.ok) {
      for (const error of merged.errors) io.stderr(`${error}\n`);
      return EXIT_INVALID;
    }
    io.stdout(`${JSON.stringify(renderExperiment(merged.header, merged.records), null, 2)}\n`);
    const stopped = new StoppedRuns();
    for (const record of merged.records) if (record.stopped) stopped.add(record.seed, record.stopped);
    return stopped.exitCode(io, 'merge', EXIT_OK);
  },
};
