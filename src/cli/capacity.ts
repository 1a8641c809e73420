import type { ArchDocument } from '../core';
import {
  applyValues,
  bottleneck,
  CAPACITY_DEFAULTS,
  type CapacityPointJson,
  type CapacityStep,
  capacityBracket,
  nextCapacityRate,
  plannedTasks,
  sloVerdicts,
  type TaskRecord,
} from '../core';
import { type ExperimentArgs, experimentUsage, parseExperimentArgs } from './experimentArgs';
import { experimentHeader, runRecords } from './experimentRunner';
import { type CliIo, type Command, EXIT_INVALID, EXIT_OK } from './io';
import { loadDocument } from './validate';

const usage = `Usage: archplay capacity <file> --client <id> [--slo <id> ...] [--tolerance <x>]
                        [--replications <n>] [--jobs <j>] [--seed <s>] [--json]

Finds the highest request rate of one client (an open workload) at which the SLOs hold: it starts
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

/** What `capacity --json` prints. */
interface CapacityJson {
  client: string;
  slos: string[];
  maxRatePerSec: number;
  bottleneck: { node: string; utilization: number } | null;
  points: CapacityPointJson[];
}

/** Checks the client and SLOs the search needs; returns the rate path and the SLO ids, or a problem. */
function searchTarget(
  document: ArchDocument,
  client: string,
  sloIds: readonly string[],
): { path: string; rate: number; slos: string[] } | { error: string } {
  const node = document.nodes.find((n) => n.id === client);
  if (node === undefined) return { error: `--client ${client}: no node with that id` };
  if (node.kind !== 'client') return { error: `--client ${client}: is a ${node.kind}, not a client` };
  if (node.config.workload.kind !== 'open') {
    return {
      error: `--client ${client}: has a closed workload (users); capacity searches an open workload's ratePerSec`,
    };
  }
  if (document.scenario.workloadChanges.some((c) => c.nodeId === client)) {
    return {
      error: `--client ${client}: scenario.workloadChanges change its rate during the run; remove them to search it`,
    };
  }
  const declared = (document.scenario.slos ?? []).map((s) => s.id);
  if (declared.length === 0)
    return { error: 'scenario.slos: the document declares no SLOs to search against' };
  const unknown = sloIds.filter((id) => !declared.includes(id));
  if (unknown.length > 0)
    return { error: `--slo ${unknown[0]}: no such SLO (declared: ${declared.join(', ')})` };
  return {
    path: `nodes.${client}.config.workload.ratePerSec`,
    rate: node.config.workload.ratePerSec,
    slos: sloIds.length > 0 ? [...sloIds] : declared,
  };
}

async function search(
  document: ArchDocument,
  target: { path: string; rate: number; slos: string[] },
  args: ExperimentArgs,
  tolerance: number,
  io: CliIo,
): Promise<{ points: CapacityPointJson[]; records: Map<number, TaskRecord[]> } | { errors: string[] }> {
  const steps: CapacityStep[] = [];
  const points: CapacityPointJson[] = [];
  const records = new Map<number, TaskRecord[]>();
  const only = new Set(target.slos);
  const options = { ...CAPACITY_DEFAULTS, tolerance };
  for (let rate = nextCapacityRate(target.rate, steps, options); rate !== null; ) {
    const applied = applyValues(document, [[target.path, rate]]);
    if (!applied.ok) return { errors: applied.errors };
    const header = experimentHeader('run', applied.document, args, {
      parameters: [],
      metrics: [],
      points: 1,
    });
    const runs = await runRecords(plannedTasks([applied.document], header), args, io, `capacity ${rate}/s`);
    const slos = sloVerdicts(header.slos, runs, only);
    const ok = slos.every((s) => s.ok);
    steps.push({ ratePerSec: rate, ok });
    points.push({ ratePerSec: rate, ok, slos });
    records.set(rate, runs);
    rate = steps.length >= 100 ? null : nextCapacityRate(target.rate, steps, options);
  }
  points.sort((a, b) => a.ratePerSec - b.ratePerSec);
  return { points, records };
}

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
    const target = searchTarget(document, values.client, (values.slo as string[] | undefined) ?? []);
    if ('error' in target) {
      io.stderr(`${target.error}\n`);
      return EXIT_INVALID;
    }
    const found = await search(document, target, args, tolerance, io);
    if ('errors' in found) {
      for (const error of found.errors) io.stderr(`${error}\n`);
      return EXIT_INVALID;
    }
    const steps = found.points.map((p) => ({ ratePerSec: p.ratePerSec, ok: p.ok }));
    const max = capacityBracket(steps).pass ?? 0;
    const atMax = found.records.get(max) ?? [];
    const nodeIds = document.nodes.filter((n) => n.kind !== 'client').map((n) => n.id);
    const out: CapacityJson = {
      client: values.client,
      slos: target.slos,
      maxRatePerSec: max,
      bottleneck: bottleneck(atMax, nodeIds),
      points: found.points,
    };
    if (args.json) io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    else {
      const tried = out.points.map(
        (p) =>
          `  ${p.ratePerSec}/s ${p.ok ? 'PASS' : 'FAIL'}  ${p.slos.map((s) => `${s.id}=${s.observed}`).join('  ')}`,
      );
      const neck = out.bottleneck
        ? `${out.bottleneck.node} at ${(out.bottleneck.utilization * 100).toFixed(1)} % utilisation`
        : 'none';
      io.stdout(
        `${tried.join('\n')}\n${values.client}: at most ${max} requests/s with ${target.slos.join(', ')} holding; bottleneck: ${neck}\n`,
      );
    }
    return args.stopped.exitCode(io, 'capacity', EXIT_OK);
  },
};
