import type { ExperimentHeader } from './experiment';
import type { TaskRecord } from './records';

/** The i-th of n shares of an experiment's tasks (1-based, as CI matrices and Job arrays count). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `--shard i/n` (1 <= i <= n <= 10000). */
export function parseShard(text: string): Shard | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || count > 10_000 || index < 1 || index > count) {
    return { error: `--shard must be i/n with 1 <= i <= n <= 10000, got "${text}"` };
  }
  return { index, count };
}

/** True when task `index` belongs to the shard: tasks are dealt round-robin, so every shard gets every point. */
export function inShard(index: number, shard: Shard): boolean {
  return index % shard.count === shard.index - 1;
}

/** What a sharded command writes instead of its result: the header and its share of task records. */
export interface ShardFile {
  format: 'archplay-shard';
  version: 1;
  shard: Shard;
  experiment: ExperimentHeader;
  tasks: TaskRecord[];
}

const isShardFile = (v: unknown): v is ShardFile =>
  v !== null &&
  typeof v === 'object' &&
  (v as ShardFile).format === 'archplay-shard' &&
  (v as ShardFile).version === 1 &&
  Array.isArray((v as ShardFile).tasks);

/**
 * Merges shard files into the experiment's header and every task record in task order. Refuses
 * files that are not shards, shards of different experiments, a missing or repeated shard, and a
 * task count that does not add up.
 */
export function mergeShards(
  files: ReadonlyArray<{ name: string; content: unknown }>,
): { ok: true; header: ExperimentHeader; records: TaskRecord[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const shards = files.filter((f) => {
    if (isShardFile(f.content)) return true;
    errors.push(`${f.name}: not an archplay shard (run a command with --shard i/n --json to make one)`);
    return false;
  });
  if (errors.length > 0 || shards.length === 0)
    return { ok: false, errors: errors.length > 0 ? errors : ['no shards given'] };
  const first = shards[0]!.content as ShardFile;
  const headerText = JSON.stringify(first.experiment);
  const seen = new Map<number, string>();
  for (const { name, content } of shards) {
    const shard = content as ShardFile;
    if (JSON.stringify(shard.experiment) !== headerText) {
      errors.push(
        `${name}: a shard of another experiment than ${shards[0]!.name} (document, options or SLOs differ)`,
      );
    }
    if (shard.shard.count !== first.shard.count) {
      errors.push(
        `${name}: shard ${shard.shard.index}/${shard.shard.count}, but ${shards[0]!.name} is of ${first.shard.count}`,
      );
    }
    const other = seen.get(shard.shard.index);
    if (other !== undefined) errors.push(`${name}: shard ${shard.shard.index} is also in ${other}`);
    seen.set(shard.shard.index, name);
  }
  for (let i = 1; i <= first.shard.count; i++) {
    if (!seen.has(i)) errors.push(`shard ${i}/${first.shard.count} is missing`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const records = shards.flatMap((s) => (s.content as ShardFile).tasks).sort((a, b) => a.index - b.index);
  const complete = records.length === first.experiment.taskCount && records.every((r, i) => r.index === i);
  if (!complete) {
    return {
      ok: false,
      errors: [
        `the shards hold ${records.length} tasks, not tasks 0..${first.experiment.taskCount - 1} once each`,
      ],
    };
  }
  return { ok: true, header: first.experiment, records };
}
