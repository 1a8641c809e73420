import { parseArgs } from 'node:util';
import { IMPORT_FORMATS, type ImportFormat, importText, serializeDocument } from '../core';
import { type Command, EXIT_INVALID, EXIT_OK, readDocumentFile } from './io';
import { writeNewFiles } from './outFiles';

/** Largest file an import reads: trace exports are far larger than diagrams. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const usage = `Usage: archplay import <file> --from <format> [--out <doc.json>]

Reads a system described elsewhere into an archplay diagram:
  k8s      Kubernetes + Istio YAML: Deployments, Services, VirtualServices, DestinationRules,
           AuthorizationPolicies, PeerAuthentications, Gateways (and the ConfigMaps an export wrote)
  compose  a Compose file: services, replicas, depends_on (as assumed sync calls)
  otlp     OTLP/JSON traces: a topology with call rates and fitted service times, ready to run
Prints the document (or writes it to --out, never over an existing file unless --force), and on
stderr every line of what was assumed and what was ignored. Exits 2 when the file cannot be read
as the format, with one "path: message" line per problem. Use - to read standard input.
See docs/interop.md for the mapping.

Options:
  --from <f>     one of ${IMPORT_FORMATS.join(', ')}
  --out <file>   write the document to <file> instead of printing it
  --force        replace <file> if it exists
  -h, --help     show this help
`;

/** `archplay import <file> --from <f>`: Kubernetes, Compose or OTLP traces into a diagram. */
export const importCommand: Command = {
  summary: 'read k8s YAML, a Compose file or OTLP traces into a diagram',
  usage,
  async run(args, io) {
    let values: { from?: string; out?: string; force?: boolean; help?: boolean };
    let files: string[];
    try {
      ({ values, positionals: files } = parseArgs({
        args,
        options: {
          from: { type: 'string' },
          out: { type: 'string' },
          force: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        allowPositionals: true,
      }));
    } catch (error) {
      io.stderr(`archplay import: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
      return EXIT_INVALID;
    }
    if (values.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    const problem =
      files.length !== 1
        ? files.length === 0
          ? 'missing the file to import'
          : 'expects exactly one file'
        : values.from === undefined
          ? 'missing --from'
          : !(IMPORT_FORMATS as readonly string[]).includes(values.from)
            ? `unknown format "${values.from}"; use one of ${IMPORT_FORMATS.join(', ')}`
            : undefined;
    if (problem !== undefined) {
      io.stderr(`archplay import: ${problem}\n\n${usage}`);
      return EXIT_INVALID;
    }
    const read = await readDocumentFile(files[0]!, io, MAX_IMPORT_BYTES);
    if (!read.ok) {
      io.stderr(`${read.message}\n`);
      return EXIT_INVALID;
    }
    const result = importText(read.text, values.from as ImportFormat);
    if (!result.ok) {
      for (const line of result.errors) io.stderr(`${line}\n`);
      return EXIT_INVALID;
    }
    for (const line of result.assumed) io.stderr(`assumed: ${line}\n`);
    for (const line of result.ignored) io.stderr(`ignored: ${line}\n`);
    const text = serializeDocument(result.document);
    if (values.out === undefined) {
      io.stdout(text);
      return EXIT_OK;
    }
    const written = await writeNewFiles([{ path: values.out, text }], values.force === true);
    if (!written.ok) {
      io.stderr(`archplay import: ${written.message}\n`);
      return EXIT_INVALID;
    }
    io.stdout(
      `wrote ${values.out} (${result.document.nodes.length} nodes, ${result.document.edges.length} edges)\n`,
    );
    return EXIT_OK;
  },
};
