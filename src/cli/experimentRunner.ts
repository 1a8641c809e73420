import type { ArchDocument, ReplicaTask } from '../core';
import {
  type ExperimentHeader,
  fingerprint,
  inShard,
  plannedTasks,
  renderExperiment,
  type ShardFile,
  type TaskRecord,
  toRecord,
} from '../core';
import type { ExperimentArgs } from './experimentArgs';
import { runTasks } from './host/replicaPool';
import type { CliIo } from './io';
import { createProgress } from './progress';

/** The header of an experiment over `document` (already validated) with the parsed options. */
export function experimentHeader(
  command: ExperimentHeader['command'],
  document: ArchDocument,
  args: ExperimentArgs,
  extra: Pick<ExperimentHeader, 'parameters' | 'metrics'> & { points: number },
): ExperimentHeader {
  return {
    command,
    documentHash: fingerprint(JSON.stringify(document)),
    seed: args.seed ?? document.scenario.seed,
    replications: args.replications,
    parameters: extra.parameters,
    metrics: extra.metrics,
    slos: document.scenario.slos ?? [],
    taskCount: extra.points * args.replications,
  };
}

/**
 * Runs tasks with the requested jobs and a progress bar, and keeps their records. `keepFirst`
 * keeps task 0's whole summary (the one `run --replications` prints).
 */
export async function runRecords(
  tasks: readonly ReplicaTask[],
  args: ExperimentArgs,
  io: CliIo,
  label: string,
  keepFirst = false,
): Promise<TaskRecord[]> {
  const progress = createProgress(io, label, args.json);
  try {
    const results = await runTasks(tasks, {
      jobs: args.jobs,
      onProgress: progress.update,
      limits: args.limits.limits,
      maxWallSec: args.limits.maxWallSec,
    });
    const records = results.map((r, k) => toRecord(r, tasks[k]!.seed, keepFirst && r.index === 0));
    for (const record of records) if (record.stopped) args.stopped.add(record.seed, record.stopped);
    return records;
  } finally {
    progress.finish();
  }
}

/**
 * Runs an experiment (or the share of it that --shard names) and prints its JSON: the result, or a
 * shard file for `archplay merge`.
 */
export async function runAndPrintExperiment(
  header: ExperimentHeader,
  documents: readonly ArchDocument[],
  args: ExperimentArgs,
  io: CliIo,
): Promise<TaskRecord[]> {
  const shard = args.shard;
  const tasks = plannedTasks(documents, header).filter((t) => shard === undefined || inShard(t.index, shard));
  const records = await runRecords(tasks, args, io, header.command, header.command === 'run');
  if (shard !== undefined) {
    const file: ShardFile = {
      format: 'archplay-shard',
      version: 1,
      shard,
      experiment: header,
      tasks: records,
    };
    io.stdout(`${JSON.stringify(file)}\n`);
  } else if (args.json) {
    io.stdout(`${JSON.stringify(renderExperiment(header, records), null, 2)}\n`);
  }
  return records;
}
