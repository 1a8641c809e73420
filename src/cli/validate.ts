import { parseArgs } from 'node:util';
import { type ArchDocument, formatIssue, parseDocument } from '../core';
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK, readDocumentFile } from './io';

export type LoadResult =
  | { ok: true; document: ArchDocument; migratedFrom?: number }
  | { ok: false; exitCode: number };

/**
 * Reads and validates a document file; on failure prints one `path: message` line per problem to
 * stderr and returns the exit code. `run` and `validate` share it so both refuse bad input alike.
 */
export async function loadDocument(file: string, io: CliIo): Promise<LoadResult> {
  const read = await readDocumentFile(file, io);
  if (!read.ok) {
    io.stderr(`${read.message}\n`);
    return { ok: false, exitCode: EXIT_INVALID };
  }
  const result = parseDocument(read.text);
  if (!result.ok) {
    for (const issue of result.errors) io.stderr(`${formatIssue(issue)}\n`);
    return { ok: false, exitCode: EXIT_INVALID };
  }
  return result;
}

const usage = `Usage: archplay validate <file>

Checks an archplay diagram document (format v1) and exits 0 when it is valid.
Otherwise prints one line per problem, "path: message", on stderr and exits 2.
Use - to read the document from standard input.

Options:
  -h, --help   show this help
`;

function parseValidateArgs(args: string[]): { help: boolean; files: string[] } | { error: string } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    return { help: values.help === true, files: positionals };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** `archplay validate <file>`: the document check, for editors and CI. */
export const validateCommand: Command = {
  summary: 'check a diagram document and list every problem',
  usage,
  async run(args, io) {
    const parsed = parseValidateArgs(args);
    if ('error' in parsed) {
      io.stderr(`archplay validate: ${parsed.error}\n\n${usage}`);
      return EXIT_INVALID;
    }
    if (parsed.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    if (parsed.files.length !== 1) {
      const problem = parsed.files.length === 0 ? 'missing the file to check' : 'expects exactly one file';
      io.stderr(`archplay validate: ${problem}\n\n${usage}`);
      return EXIT_INVALID;
    }
    const loaded = await loadDocument(parsed.files[0]!, io);
    if (!loaded.ok) return loaded.exitCode;
    const { document } = loaded;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const migrated =
      loaded.migratedFrom === undefined ? '' : `; migrated from version ${loaded.migratedFrom}`;
    io.stdout(
      `valid: ${document.name} (${plural(document.nodes.length, 'node')}, ${plural(document.edges.length, 'edge')}${migrated})\n`,
    );
    return EXIT_OK;
  },
};
