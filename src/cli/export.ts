import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat, type ExportOptions, exportDocument } from '../core';
import { type Command, EXIT_INVALID, EXIT_OK } from './io';
import { inDir, writeNewFiles } from './outFiles';
import { loadDocument } from './validate';

const usage = `Usage: archplay export <file> --format <format> [--out <dir>] [options]

Converts an archplay diagram for the engines and tools a design moves to:
  k8s               one multi-document YAML: per service a Deployment, Service and ServiceAccount;
                    per sidecar an Istio VirtualService, DestinationRules, AuthorizationPolicies and
                    a PeerAuthentication; the API gateway as an Istio Gateway + VirtualService; what
                    has no Kubernetes form in commented ConfigMaps (import reads them back)
  compose           a Compose file: services, deploy.replicas, depends_on, environment
  mermaid           a Mermaid flowchart (shape per kind, line style per link kind)
  mermaid-sequence  a Mermaid sequence diagram of one walked-through request
  structurizr       a Structurizr DSL workspace with a container view
  otlp              runs the design and writes its sampled traces as OTLP/JSON (Jaeger loads it)
Without --out the file is printed; notes on what has no equivalent go to stderr.
See docs/interop.md for the mapping. An invalid document is reported like \`archplay validate\` (exit 2).

Options:
  --format <f>        one of ${EXPORT_FORMATS.join(', ')}
  --out <dir>         write the file into <dir> instead of printing it
  --force             replace files that already exist in <dir>
  --namespace <ns>    k8s: namespace of the objects and principals (default: default)
  --registry <r>      k8s, compose: image registry prefix (default: registry.example.com/archplay)
  --sample-every <n>  otlp: trace every n-th request (default: 10)
  --seed <n>          otlp: run seed (default: the scenario's)
  --duration <s>      otlp: simulated seconds (default: the scenario's)
  --client <id>       mermaid-sequence: the client to follow (default: the first)
  --mix <i>           mermaid-sequence: the request-mix entry to follow (default: the first order)
  -h, --help          show this help
`;

const options = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  namespace: { type: 'string' },
  registry: { type: 'string' },
  'sample-every': { type: 'string' },
  seed: { type: 'string' },
  duration: { type: 'string' },
  client: { type: 'string' },
  mix: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function integer(
  text: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined | string {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    return `--${name} must be an integer from ${min} to ${max}, got "${text}"`;
  return n;
}

function exportOptions(values: Values): ExportOptions | string {
  const out: ExportOptions = {};
  if (values.namespace !== undefined) {
    if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(values.namespace))
      return `--namespace must be a DNS label, got "${values.namespace}"`;
    out.namespace = values.namespace;
  }
  if (values.registry !== undefined) out.registry = values.registry.replace(/\/+$/, '');
  const every = integer(values['sample-every'], 'sample-every', 1, 1_000_000);
  const seed = integer(values.seed, 'seed', 0, 0xffffffff);
  const mix = integer(values.mix, 'mix', 0, 1_000_000);
  for (const v of [every, seed, mix]) if (typeof v === 'string') return v;
  if (every !== undefined) out.sampleEvery = every as number;
  if (seed !== undefined) out.seed = seed as number;
  if (mix !== undefined) out.mixIndex = mix as number;
  if (values.duration !== undefined) {
    const d = Number(values.duration);
    if (!Number.isFinite(d) || d <= 0 || d > 86_400)
      return `--duration must be a number of seconds in (0, 86400], got "${values.duration}"`;
    out.durationSec = d;
  }
  if (values.client !== undefined) out.clientId = values.client;
  return out;
}

/** `archplay export <file> --format <f> [--out <dir>]`: a design as Kubernetes, Compose, diagrams or traces. */
export const exportCommand: Command = {
  summary: 'convert a diagram to k8s, compose, mermaid, structurizr or OTLP traces',
  usage,
  async run(args, io) {
    let values: Values;
    let files: string[];
    try {
      ({ values, positionals: files } = parseArgs({ args, options, allowPositionals: true }));
    } catch (error) {
      io.stderr(`archplay export: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
      return EXIT_INVALID;
    }
    if (values.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    const problem =
      files.length !== 1
        ? files.length === 0
          ? 'missing the file to export'
          : 'expects exactly one file'
        : values.format === undefined
          ? 'missing --format'
          : !(EXPORT_FORMATS as readonly string[]).includes(values.format)
            ? `unknown format "${values.format}"; use one of ${EXPORT_FORMATS.join(', ')}`
            : undefined;
    const parsed = problem === undefined ? exportOptions(values) : problem;
    if (typeof parsed === 'string') {
      io.stderr(`archplay export: ${parsed}\n\n${usage}`);
      return EXIT_INVALID;
    }
    const loaded = await loadDocument(files[0]!, io);
    if (!loaded.ok) return loaded.exitCode;
    if (
      parsed.clientId !== undefined &&
      !loaded.document.nodes.some((n) => n.id === parsed.clientId && n.kind === 'client')
    ) {
      io.stderr(`archplay export: --client: no client with id "${parsed.clientId}"\n`);
      return EXIT_INVALID;
    }
    const result = exportDocument(loaded.document, values.format as ExportFormat, parsed);
    for (const note of result.notes) io.stderr(`note: ${note}\n`);
    if (values.out === undefined) {
      for (const f of result.files) io.stdout(f.text);
      return EXIT_OK;
    }
    const paths = inDir(
      values.out,
      result.files.map((f) => f.name),
    );
    const written = await writeNewFiles(
      result.files.map((f, i) => ({ path: paths[i]!, text: f.text })),
      values.force === true,
    );
    if (!written.ok) {
      io.stderr(`archplay export: ${written.message}\n`);
      return EXIT_INVALID;
    }
    for (const path of written.paths) io.stdout(`wrote ${path}\n`);
    return EXIT_OK;
  },
};
