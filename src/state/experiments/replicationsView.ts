import {
  type ExperimentHeader,
  renderExperiment,
  type SloVerdict,
  sloVerdicts,
  type TaskRecord,
} from '../../core/experiments';
import { type MeanInterval, meanInterval } from '../../core/experiments/intervals';
import type { ArchDocument } from '../../core/model/schema';
import type { CompareField } from './compareView';

/** A finished `run --replications`: the header, every seed's record (the first with its summary), the design. */
export interface ReplicationsOutcome {
  header: ExperimentHeader;
  records: TaskRecord[];
  document: ArchDocument;
}

/** The text `archplay run <doc> --replications N --json` prints for these runs. */
export function replicationsJsonText(outcome: ReplicationsOutcome): string {
  return `${JSON.stringify(renderExperiment(outcome.header, outcome.records), null, 2)}\n`;
}

/** Every SLO judged over the seeds: the mean observed value, its interval, and the pessimistic verdict. */
export function replicationSlos(outcome: ReplicationsOutcome): SloVerdict[] {
  return sloVerdicts(outcome.header.slos, outcome.records);
}

/** One number over the seeds: its mean and 95 % interval, or null when no run reported it. */
function over(records: readonly TaskRecord[], path: string): MeanInterval | null {
  const xs = records.map((r) => r.metrics[path]).filter((x): x is number => x !== undefined);
  return xs.length === 0 ? null : meanInterval(xs);
}

/** One node's number over the seeds, for a bar with its 95 % interval as a whisker. */
export interface ReplicationBar {
  node: string;
  mean: number;
  error: number;
}

/** `field` of every node that reports it, in document order, with the half-width of its interval. */
export function replicationBars(outcome: ReplicationsOutcome, field: CompareField): ReplicationBar[] {
  return outcome.document.nodes.flatMap((n) => {
    const x = over(outcome.records, `nodes.${n.id}.${field}`);
    if (x === null) return [];
    return [{ node: n.id, mean: x.mean, error: x.ci95 === null ? 0 : (x.ci95[1] - x.ci95[0]) / 2 }];
  });
}

/** The run's request counts and each client's headline numbers over the seeds, as table rows. */
export function replicationRows(outcome: ReplicationsOutcome): { path: string; value: MeanInterval }[] {
  const clients = outcome.document.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  const paths = [
    'requests.total',
    'requests.ok',
    'requests.failed',
    ...clients.flatMap((id) =>
      ['throughputPerSec', 'errorRate', 'latencyMs.mean', 'latencyMs.p99'].map((f) => `nodes.${id}.${f}`),
    ),
  ];
  return paths.flatMap((path) => {
    const value = over(outcome.records, path);
    return value === null ? [] : [{ path, value }];
  });
}
