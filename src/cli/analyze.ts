import { parseArgs } from 'node:util';
import { analyzeDocument } from '../core';
import { formatAnalysis } from './analyzeReport';
import { type Command, EXIT_INVALID, EXIT_OK } from './io';
import { loadDocument } from './validate';

const usage = `Usage: archplay analyze <file> [--json]

Analyses an archplay diagram statically: architecture styles, each component's responsibilities,
communication and resilience patterns, load against capacity at the scenario's peak, and weak
points sorted by severity. Exits 0 for any valid document (findings never fail it); an invalid
document is reported like \`archplay validate\` and exits 2. Use - to read standard input.

Options:
      --json   print the analysis as JSON
  -h, --help   show this help
`;

/** `archplay analyze <file> [--json]`: the static architecture analysis as a report or JSON. */
export const analyzeCommand: Command = {
  summary: 'analyse styles, patterns, load and weak points of a diagram',
  usage,
  async run(args, io) {
    let values: { json?: boolean; help?: boolean };
    let files: string[];
    try {
      const parsed = parseArgs({
        args,
        options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
      });
      values = parsed.values;
      files = parsed.positionals;
    } catch (error) {
      io.stderr(`archplay analyze: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
      return EXIT_INVALID;
    }
    if (values.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    if (files.length !== 1) {
      const problem = files.length === 0 ? 'missing the file to analyse' : 'expects exactly one file';
      io.stderr(`archplay analyze: ${problem}\n\n${usage}`);
      return EXIT_INVALID;
    }
    const loaded = await loadDocument(files[0]!, io);
    if (!loaded.ok) return loaded.exitCode;
    const analysis = analyzeDocument(loaded.document);
    io.stdout(values.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatAnalysis(analysis));
    return EXIT_OK;
  },
};
