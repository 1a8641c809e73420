import {
  bottleneck,
  CAPACITY_DEFAULTS,
  type CapacityPointJson,
  type CapacityStep,
  capacityBracket,
  nextCapacityRate,
} from './capacity';
import type { ArchDocument, NodeOfKind } from './coreApi';
import { type ExperimentHeader, fingerprint, plannedTasks } from './experiment';
import { sloVerdicts, type TaskRecord } from './records';
import type { ReplicaTask } from './replica';
import { applyValues } from './varyPath';

/** What a capacity search varies and judges: one open-workload client's rate, against SLOs. */
export interface CapacityTarget {
  client: string;
  /** The document path of the client's rate. */
  path: string;
  /** The document's rate, where the search starts. */
  rate: number;
  /** The SLO ids that must hold. */
  slos: string[];
  /** The client's rate changes in `scenario.workloadChanges`, left out of every run: the search holds the rate steady. */
  ignoredWorkloadChanges: number;
}

/** What `archplay capacity --json` prints, and what the Experiment panel's capacity search shows. */
export interface CapacityJson {
  client: string;
  slos: string[];
  maxRatePerSec: number;
  bottleneck: { node: string; utilization: number } | null;
  points: CapacityPointJson[];
  /** How many of the client's rate changes the runs left out (absent when none). */
  ignoredWorkloadChanges?: number;
}

/** A search's settings: runs per step, their first seed (default: the scenario's), when to stop. */
export interface CapacitySearchOptions {
  replications: number;
  seed?: number;
  tolerance: number;
}

/** Runs one step's tasks (a run per seed at one rate) wherever runs are run: CLI jobs, page workers. */
export type CapacityRunner = (tasks: readonly ReplicaTask[], ratePerSec: number) => Promise<TaskRecord[]>;

/** Steps a search takes at most (bracketing from 1e-3 to 1e6 and bisecting to 1e-4 take ~50). */
const MAX_STEPS = 100;

/** A client whose open workload a capacity search can vary. */
type OpenClient = NodeOfKind<'client'> & { config: { workload: { kind: 'open'; ratePerSec: number } } };

/** The clients a capacity search can vary: open workloads, in document order. The panel offers these. */
export function searchableClients(document: ArchDocument): OpenClient[] {
  return document.nodes.filter(
    (n): n is OpenClient => n.kind === 'client' && n.config.workload.kind === 'open',
  );
}

/** A refused search: the message, and whether it names a setting (`client x`, `slo y`) the CLI takes as an option. */
export interface CapacityRefusal {
  error: string;
  option: boolean;
}

/** Checks the client and SLOs a search needs; a refusal names the setting it is about. */
export function capacityTarget(
  document: ArchDocument,
  client: string,
  sloIds: readonly string[],
): CapacityTarget | CapacityRefusal {
  const refuse = (error: string, option = true): CapacityRefusal => ({ error, option });
  const node = document.nodes.find((n) => n.id === client);
  if (node === undefined) return refuse(`client ${client}: no node with that id`);
  if (node.kind !== 'client') return refuse(`client ${client}: is a ${node.kind}, not a client`);
  if (node.config.workload.kind !== 'open') {
    return refuse(
      `client ${client}: has a closed workload (users); capacity searches an open workload's ratePerSec`,
    );
  }
  const declared = (document.scenario.slos ?? []).map((s) => s.id);
  if (declared.length === 0)
    return refuse('scenario.slos: the document declares no SLOs to search against', false);
  const unknown = sloIds.filter((id) => !declared.includes(id));
  if (unknown.length > 0) return refuse(`slo ${unknown[0]}: no such SLO (declared: ${declared.join(', ')})`);
  return {
    client,
    path: `nodes.${client}.config.workload.ratePerSec`,
    rate: node.config.workload.ratePerSec,
    slos: sloIds.length > 0 ? [...sloIds] : declared,
    ignoredWorkloadChanges: document.scenario.workloadChanges.filter((c) => c.nodeId === client).length,
  };
}

/**
 * Searches the highest steady rate at which the target's SLOs hold (see capacity.ts for the steps):
 * the client's own rate changes are left out, every step runs the replications through `run`, and
 * the SLOs are judged on their intervals as `check` does. The bottleneck is read from the runs at the highest passing rate. The CLI and the page run
 * this same search, so they print the same bytes.
 */
export async function searchCapacity(
  document: ArchDocument,
  target: CapacityTarget,
  options: CapacitySearchOptions,
  run: CapacityRunner,
): Promise<{ json: CapacityJson } | { errors: string[] }> {
  const steps: CapacityStep[] = [];
  const points: CapacityPointJson[] = [];
  const records = new Map<number, TaskRecord[]>();
  const only = new Set(target.slos);
  const limits = { ...CAPACITY_DEFAULTS, tolerance: options.tolerance };
  const steady = steadyRate(document, target.client);
  for (let rate = nextCapacityRate(target.rate, steps, limits); rate !== null; ) {
    const applied = applyValues(steady, [[target.path, rate]]);
    if (!applied.ok) return { errors: applied.errors };
    const header: ExperimentHeader = {
      command: 'run',
      documentHash: fingerprint(JSON.stringify(applied.document)),
      seed: options.seed ?? applied.document.scenario.seed,
      replications: options.replications,
      parameters: [],
      metrics: [],
      slos: applied.document.scenario.slos ?? [],
      taskCount: options.replications,
    };
    const runs = await run(plannedTasks([applied.document], header), rate);
    const slos = sloVerdicts(header.slos, runs, only);
    const ok = slos.every((s) => s.ok);
    steps.push({ ratePerSec: rate, ok });
    points.push({ ratePerSec: rate, ok, slos });
    records.set(rate, runs);
    rate = steps.length >= MAX_STEPS ? null : nextCapacityRate(target.rate, steps, limits);
  }
  points.sort((a, b) => a.ratePerSec - b.ratePerSec);
  const max = capacityBracket(steps).pass ?? 0;
  const nodeIds = document.nodes.filter((n) => n.kind !== 'client').map((n) => n.id);
  return {
    json: {
      client: target.client,
      slos: target.slos,
      maxRatePerSec: max,
      bottleneck: bottleneck(records.get(max) ?? [], nodeIds),
      points,
      ...(target.ignoredWorkloadChanges > 0 ? { ignoredWorkloadChanges: target.ignoredWorkloadChanges } : {}),
    },
  };
}

/** The document without the client's rate changes (the same object when it has none). */
function steadyRate(document: ArchDocument, client: string): ArchDocument {
  const changes = document.scenario.workloadChanges;
  if (!changes.some((c) => c.nodeId === client)) return document;
  const workloadChanges = changes.filter((c) => c.nodeId !== client);
  return { ...document, scenario: { ...document.scenario, workloadChanges } };
}
