import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ReplicationBenchResult {
  runs: number;
  simSec: number;
  /** Wall seconds of `archplay run --replications` with --jobs 1 and --jobs 2 (best of the rounds). */
  jobs1Sec: number;
  jobs2Sec: number;
  speedup: number;
  /** Cores the command kept busy (CPU time of all its threads over wall time) in those rounds. */
  jobs1Cores: number;
  jobs2Cores: number;
  /** Both printed the same bytes. */
  identical: boolean;
  /**
   * The machine's own scaling at the time: the work of two plain CPU-bound processes at once over
   * the time of one (2 = two free cores). The speed-up cannot beat it.
   */
  machineScaling: number;
}

const TEMPLATE = new URL('../public/examples/ecommerce.json', import.meta.url);
const BIN = fileURLToPath(new URL('../bin/archplay.mjs', import.meta.url));
const RUNS = 8;
const SIM_SEC = 240;
/** Rounds of (1 job, 2 jobs), interleaved so a burst of load elsewhere hits both; the best of each counts. */
const ROUNDS = 2;

interface Timed {
  sec: number;
  cores: number;
  stdout: string;
}

/** Runs the command in a fresh process under bash's `time`, as a person or CI would start it. */
function timeCommand(file: string, jobs: number): Timed {
  const command = `TIMEFORMAT='%3R %3U %3S'; time "${process.execPath}" "${BIN}" run "${file}" --replications ${RUNS} --jobs ${jobs} --json`;
  const result = spawnSync('bash', ['-c', command], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`archplay run --jobs ${jobs} failed: ${result.stderr}`);
  const [real, user, sys] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [
    number,
    number,
    number,
  ];
  return { sec: real, cores: (user + sys) / real, stdout: result.stdout };
}

/** A CPU-bound loop of about a second, in a process of its own. */
const SPIN = 'let x=0;for(let i=0;i<2e8;i++)x=(x*1103515245+12345)%2147483648;if(x<0)console.log(x)';

function spinSec(): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve((performance.now() - start) / 1000));
  });
}

/** Two spins at once against one: about 2 on two free cores, less on a shared or throttled machine. */
async function machineScaling(): Promise<number> {
  const one = await spinSec();
  const start = performance.now();
  await Promise.all([spinSec(), spinSec()]);
  return (2 * one) / ((performance.now() - start) / 1000);
}

/**
 * `archplay run --replications 8` of the e-commerce template (four simulated minutes each) with
 * --jobs 1 and --jobs 2, each in a fresh process: what a person or a CI job sees, start-up of the
 * worker thread included.
 */
export async function benchReplications(): Promise<ReplicationBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'archplay-bench-'));
  try {
    const raw = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { scenario: { durationSec: number } };
    raw.scenario.durationSec = SIM_SEC;
    const file = join(dir, 'ecommerce.json');
    writeFileSync(file, JSON.stringify(raw));
    const scaling = await machineScaling();
    let one: Timed | null = null;
    let two: Timed | null = null;
    let identical = true;
    for (let round = 0; round < ROUNDS; round++) {
      const a = timeCommand(file, 1);
      const b = timeCommand(file, 2);
      identical &&= a.stdout === b.stdout;
      if (one === null || a.sec < one.sec) one = a;
      if (two === null || b.sec < two.sec) two = b;
    }
    return {
      runs: RUNS,
      simSec: SIM_SEC,
      jobs1Sec: one!.sec,
      jobs2Sec: two!.sec,
      speedup: one!.sec / two!.sec,
      jobs1Cores: one!.cores,
      jobs2Cores: two!.cores,
      identical,
      machineScaling: scaling,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
