import { type ParseArgsConfig, parseArgs } from 'node:util';
import { parseShard, type Shard } from '../core';
import { defaultJobs } from './host/replicaPool';
import { type LimitArgs, limitOptions, limitUsage, parseLimitArgs, StoppedRuns } from './limitArgs';

/** Options every experiment command takes. */
const experimentOptions = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  replications: { type: 'string' },
  jobs: { type: 'string' },
  seed: { type: 'string' },
  ...limitOptions,
} as const;

/** The options' usage lines, shared by the commands' help texts. */
export const experimentUsage = `  --replications <n>  runs per point, seeds S..S+n-1 (default: DEFAULT)
  --jobs <j>          runs at a time: this thread and j-1 worker threads (default: one per core);
                      the output is the same for every j
  --seed <s>          first seed S, an integer 0..4294967295 (default: the scenario's seed)
  --json              print one JSON object
${limitUsage}`;

export interface ExperimentArgs {
  help: boolean;
  json: boolean;
  replications: number;
  jobs: number;
  seed?: number;
  shard?: Shard;
  positionals: string[];
  /** The run limits and the wall clock of every run. */
  limits: LimitArgs;
  /** The runs a limit stopped, filled as they finish and reported at the end. */
  stopped: StoppedRuns;
}

/** An integer option within bounds, or a message naming it. */
function integerOption(name: string, text: string, min: number, max: number): number | { error: string } {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    return { error: `--${name} must be an integer from ${min} to ${max}, got "${text}"` };
  }
  return n;
}

type Values = { [key: string]: string | boolean | string[] | undefined };

/**
 * Joins a value-taking option with a negative number after it (`--seed -1` into `--seed=-1`):
 * parseArgs would otherwise take `-1` for an option and answer "argument is ambiguous", where the
 * option's own check says what is wrong with the value.
 */
export function joinNegativeValues(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
) {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    const next = args[i + 1];
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * Parses a command's arguments: the shared experiment options plus `extra`. Returns the parsed
 * shared options and the raw values of the extra ones, or the first problem.
 */
export function parseExperimentArgs(
  args: string[],
  extra: NonNullable<ParseArgsConfig['options']>,
  defaults: { replications: number },
): { args: ExperimentArgs; values: Values } | { error: string } {
  let parsed: { values: Values; positionals: string[] };
  try {
    const options = { ...experimentOptions, ...extra };
    parsed = parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
    }) as typeof parsed;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  const limits = parseLimitArgs(values);
  if ('error' in limits) return limits;
  const out: ExperimentArgs = {
    help: values.help === true,
    json: values.json === true,
    replications: defaults.replications,
    jobs: defaultJobs(),
    positionals,
    limits,
    stopped: new StoppedRuns(),
  };
  if (typeof values.replications === 'string') {
    const n = integerOption('replications', values.replications, 1, 10_000);
    if (typeof n !== 'number') return n;
    out.replications = n;
  }
  if (typeof values.jobs === 'string') {
    const n = integerOption('jobs', values.jobs, 1, 256);
    if (typeof n !== 'number') return n;
    out.jobs = n;
  }
  if (typeof values.seed === 'string') {
    const n = integerOption('seed', values.seed, 0, 0xffffffff);
    if (typeof n !== 'number') return n;
    out.seed = n;
  }
  if (typeof values.shard === 'string') {
    const shard = parseShard(values.shard);
    if ('error' in shard) return shard;
    out.shard = shard;
  }
  return { args: out, values };
}
