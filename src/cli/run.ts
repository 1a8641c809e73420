import { parseArgs } from 'node:util';
import { createRun, type RunSummary } from '../core';
import { eventLines } from './eventLines';
import { type CliIo, type Command, EXIT_INTERNAL, EXIT_INVALID, EXIT_OK } from './io';
import { resilienceLines } from './resilienceLines';
import { loadDocument } from './validate';

const usage = `Usage: archplay run <file> [--duration <s>] [--seed <n>] [--json]

Simulates an archplay diagram document and prints the run summary: requests, per-node counts,
throughput, error rate, utilisation and latency percentiles, per-edge calls, retries and timeouts,
orders, read-model and bus lag, and the invariant check. The same file and seed always print the same bytes.
An invalid document is reported like \`archplay validate\` (exit 2); a broken invariant exits 1.

Options:
  --duration <s>  simulated seconds (default: the scenario's durationSec)
  --seed <n>      random seed, an integer 0..4294967295 (default: the scenario's seed)
  --json          print one JSON object instead of tables
  -h, --help      show this help
`;

interface RunArgs {
  help: boolean;
  json: boolean;
  file?: string;
  durationSec?: number;
  seed?: number;
}

function parseRunArgs(args: string[]): RunArgs | { error: string } {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  const options = {
    help: { type: 'boolean', short: 'h' },
    json: { type: 'boolean' },
    duration: { type: 'string' },
    seed: { type: 'string' },
  } as const;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true, json: false };
  if (positionals.length !== 1) {
    return { error: positionals.length === 0 ? 'missing the file to run' : 'expects exactly one file' };
  }
  const out: RunArgs = { help: false, json: values.json === true, file: positionals[0]! };
  if (values.duration !== undefined) {
    const d = Number(values.duration);
    if (!Number.isFinite(d) || d <= 0 || d > 86_400) {
      return { error: `--duration must be a number of seconds in (0, 86400], got "${values.duration}"` };
    }
    out.durationSec = d;
  }
  if (values.seed !== undefined) {
    const s = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(s) || s > 0xffffffff) {
      return { error: `--seed must be an integer from 0 to 4294967295, got "${values.seed}"` };
    }
    out.seed = s;
  }
  return out;
}

function fixed(x: number, digits: number): string {
  return x.toFixed(digits);
}

/** Renders rows as space-aligned columns: the first `textColumns` left-aligned, numbers right-aligned. */
function table(header: string[], rows: string[][], textColumns = 1): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * The human-readable summary: a header, a node table, an edge table, resilience and event-driven
 * lines when present, and the invariant verdict.
 */
function formatSummary(name: string, s: RunSummary): string {
  const r = s.requests;
  const head = [
    `${name}: ${fixed(s.simulatedSec, 1)} s simulated (seed ${s.seed}, warm-up ${s.warmupSec} s), ${s.events} events`,
    `requests: ${r.total} total, ${r.ok} ok, ${r.failed} failed, ${r.inFlight} in flight`,
  ];
  const nodeRows = Object.entries(s.nodes).map(([id, n]) => [
    id,
    n.kind,
    String(n.arrived),
    String(n.completed),
    String(n.failed),
    fixed(n.throughputPerSec, 1),
    `${fixed(n.errorRate * 100, 2)}%`,
    `${fixed(n.utilization * 100, 1)}%`,
    fixed(n.latencyMs.mean, 1),
    fixed(n.latencyMs.p50, 1),
    fixed(n.latencyMs.p95, 1),
    fixed(n.latencyMs.p99, 1),
    fixed(n.latencyMs.max, 1),
  ]);
  const nodes = table(
    ['node', 'kind', 'in', 'ok', 'failed', 'rps', 'errors', 'util', 'mean ms', 'p50', 'p95', 'p99', 'max'],
    nodeRows,
    2,
  );
  const edgeRows = Object.entries(s.edges).map(([id, e]) => [
    id,
    String(e.calls),
    String(e.failed),
    String(e.retries),
    String(e.timeouts),
    String(e.connectFailures),
    String(e.fallbacks),
    fixed(e.latencyMs.p50, 1),
    fixed(e.latencyMs.p99, 1),
  ]);
  const edges =
    edgeRows.length > 0
      ? table(
          ['edge', 'calls', 'failed', 'retries', 'timeouts', 'no conn', 'fallbacks', 'p50 ms', 'p99'],
          edgeRows,
        )
      : '(no edges)';
  const verdict = s.invariants.ok
    ? 'invariants: ok'
    : `invariants: ${s.invariants.violations.length} violated\n${s.invariants.violations.map((v) => `  ${v}`).join('\n')}`;
  const sections = [resilienceLines(s), eventLines(s)].filter((x) => x !== '');
  const extra = sections.map((x) => `${x}\n\n`).join('');
  return `${head.join('\n')}\n\n${nodes}\n\n${edges}\n\n${extra}${verdict}\n`;
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
    const run = createRun(loaded.document, { seed: parsed.seed, durationSec: parsed.durationSec });
    run.runToEnd();
    const summary = run.summary();
    io.stdout(
      parsed.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(loaded.document.name, summary),
    );
    if (!summary.invariants.ok) {
      io.stderr(`archplay run: ${summary.invariants.violations.length} invariant(s) violated\n`);
      return EXIT_INTERNAL;
    }
    return EXIT_OK;
  },
};
