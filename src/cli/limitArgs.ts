import {
  DEFAULT_RUN_LIMITS,
  type HostLimit,
  type RunLimitName,
  type RunLimits,
  type RunStop,
  type RunWatch,
} from '../core';
import { type CliIo, EXIT_STOPPED } from './io';

/** The wall-clock time one run may take unless --max-wall-sec says otherwise (core has no clock). */
const DEFAULT_MAX_WALL_SEC = 600;

/** The options of every command that runs a model: the run limits and the wall clock. */
export const limitOptions = {
  'max-events': { type: 'string' },
  'max-in-flight': { type: 'string' },
  'max-memory-mb': { type: 'string' },
  'max-wall-sec': { type: 'string' },
} as const;

const n = (x: number) => x.toLocaleString('en-US');

/** The options' usage lines, shared by the commands' help texts. */
export const limitUsage = `  --max-events <n>    engine events one run may execute (default: ${n(DEFAULT_RUN_LIMITS.maxEvents)})
  --max-in-flight <n> requests in flight and items queued across the model (default: ${n(DEFAULT_RUN_LIMITS.maxInFlight)})
  --max-memory-mb <n> the run's estimated memory, in MB (default: ${DEFAULT_RUN_LIMITS.maxMemoryMb})
  --max-wall-sec <s>  wall-clock seconds one run may take (default: ${DEFAULT_MAX_WALL_SEC})
                      a run that passes a limit stops there: exit 3, with the partial summary`;

/** The flag that raises each limit, for the message of a stopped run. */
const FLAGS: Record<RunLimitName, string | null> = {
  events: '--max-events',
  inFlight: '--max-in-flight',
  memory: '--max-memory-mb',
  clock: null,
  wallTime: '--max-wall-sec',
};

/** The limits a command runs with. */
export interface LimitArgs {
  limits: RunLimits;
  maxWallSec: number;
}

type Values = { [key: string]: string | boolean | string[] | undefined };

function positiveNumber(name: string, value: unknown, integer: boolean): number | { error: string } {
  const text = String(value);
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x <= 0 || (integer && !Number.isSafeInteger(x))) {
    const what = integer ? 'a whole number above 0' : 'a number above 0';
    return { error: `--${name} must be ${what}, got "${text}"` };
  }
  return x;
}

/** Reads the limit options (absent ones keep their defaults), or the first problem. */
export function parseLimitArgs(values: Values): LimitArgs | { error: string } {
  const out: LimitArgs = { limits: { ...DEFAULT_RUN_LIMITS }, maxWallSec: DEFAULT_MAX_WALL_SEC };
  const take = (name: keyof typeof limitOptions, integer: boolean, set: (x: number) => void) => {
    if (values[name] === undefined) return null;
    const x = positiveNumber(name, values[name], integer);
    if (typeof x !== 'number') return x;
    set(x);
    return null;
  };
  return (
    take('max-events', true, (x) => (out.limits.maxEvents = x)) ??
    take('max-in-flight', true, (x) => (out.limits.maxInFlight = x)) ??
    take('max-memory-mb', false, (x) => (out.limits.maxMemoryMb = x)) ??
    take('max-wall-sec', false, (x) => (out.maxWallSec = x)) ??
    out
  );
}

/** A watch that stops a run after `maxWallSec` of wall-clock time from now. */
export function wallWatch(maxWallSec: number): RunWatch {
  const start = performance.now();
  return (): HostLimit | null => {
    const elapsedSec = (performance.now() - start) / 1000;
    return elapsedSec > maxWallSec ? { limit: 'wallTime', max: maxWallSec, observed: elapsedSec } : null;
  };
}

/** The stderr line of a stopped run: its message and the flag that raises the limit. */
export function stopLine(command: string, stop: RunStop, seed?: number): string {
  const flag = FLAGS[stop.limit];
  const raise = flag ? ` (raise the limit with ${flag})` : '';
  const which = seed === undefined ? '' : ` the run with seed ${seed}`;
  return `archplay ${command}:${which} ${stop.message}${raise}\n`;
}

/** The runs of one command that a limit stopped, reported once the command's output is written. */
export class StoppedRuns {
  private readonly stops: { seed: number; stop: RunStop }[] = [];

  add(seed: number, stop: RunStop): void {
    this.stops.push({ seed, stop });
  }

  /**
   * Prints one line per stopped run on stderr; the exit code is 3 when any stopped (a stopped run's
   * SLOs all fail, so 3 says more than a failed check would), else `code`.
   */
  exitCode(io: CliIo, command: string, code: number): number {
    for (const { seed, stop } of this.stops) io.stderr(stopLine(command, stop, seed));
    return this.stops.length > 0 ? EXIT_STOPPED : code;
  }
}
