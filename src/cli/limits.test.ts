import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as cli, examplesDir } from './cliHarness';
import { joinNegativeValues } from './experimentArgs';
import { EXIT_STOPPED } from './io';
import { limitOptions, parseLimitArgs } from './limitArgs';

const dir = mkdtempSync(join(tmpdir(), 'archplay-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, document: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(document));
  return path;
}

const node = (id: string, kind: string, label: string, config: Record<string, unknown>) => ({
  id,
  kind,
  label,
  position: { x: 0, y: 0 },
  config,
});

/** A valid document that runs away: a million requests a second into a service that never answers. */
const runaway = file('runaway.json', {
  format: 'archplay',
  version: 2,
  name: 'Runaway',
  nodes: [
    node('flood', 'client', 'Flood', { workload: { kind: 'open', ratePerSec: 1_000_000 } }),
    node('hole', 'service', 'Black hole', {
      instances: 100,
      concurrency: 1,
      queueCapacity: 100_000,
      serviceTimeMs: { kind: 'constant', ms: 86_400_000 },
    }),
  ],
  edges: [{ id: 'e', source: 'flood', target: 'hole', config: { timeoutMs: 0 } }],
  scenario: {
    durationSec: 3600,
    slos: [{ id: 'p99', target: 'system', metric: 'p99Ms', op: '<', value: 100 }],
  },
});

describe('archplay run under limits', () => {
  it('stops a runaway model at --max-in-flight: exit 3, the partial summary marked stopped, the limit named', async () => {
    const r = await cli(['run', runaway, '--json', '--max-in-flight', '20000']);
    expect(r.code).toBe(EXIT_STOPPED);
    const summary = JSON.parse(r.stdout);
    expect(summary.stopped).toMatchObject({ limit: 'inFlight', max: 20_000, nodeId: 'hole' });
    expect(summary.simulatedSec).toBeLessThan(1);
    expect(summary.invariants.ok).toBe(true);
    expect(summary.slos).toEqual([{ id: 'p99', ok: false, observed: 0, op: '<', value: 100 }]);
    expect(r.stderr).toMatch(
      /^archplay run: Stopped at [\d.]+ s of simulated time: [\d,]+ requests in flight or queued passed the limit of 20,000; Black hole \(nodes\[1\], id "hole"\) holds [\d,]+ of them\. \(raise the limit with --max-in-flight\)\n$/,
    );
  });

  it('stops at --max-events and at --max-memory-mb, each naming its flag', async () => {
    const events = await cli(['run', runaway, '--max-events', '5000']);
    expect(events.code).toBe(EXIT_STOPPED);
    expect(events.stdout).toContain('STOPPED (events limit): Stopped at');
    expect(events.stderr).toContain('the run reached its limit of 5,000 events');
    expect(events.stderr).toContain('(raise the limit with --max-events)');
    const memory = await cli(['run', runaway, '--json', '--max-memory-mb', '3']);
    expect(memory.code).toBe(EXIT_STOPPED);
    expect(JSON.parse(memory.stdout).stopped).toMatchObject({ limit: 'memory', max: 3, nodeId: 'hole' });
    expect(memory.stderr).toContain('(raise the limit with --max-memory-mb)');
  });

  it('stops at --max-wall-sec, the host clock core does not have', async () => {
    const r = await cli(['run', runaway, '--json', '--max-wall-sec', '0.001']);
    expect(r.code).toBe(EXIT_STOPPED);
    expect(JSON.parse(r.stdout).stopped).toMatchObject({ limit: 'wallTime', max: 0.001 });
    expect(r.stderr).toContain('(raise the limit with --max-wall-sec)');
  });

  it('a run within its limits exits 0 and prints no stopped field', async () => {
    const r = await cli(['run', join(examplesDir, 'microservices-flow.json'), '--json', '--duration', '2']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stopped).toBeUndefined();
  });

  it('check, sweep and run --replications exit 3 when a limit stopped one of their runs', async () => {
    const check = await cli(['check', runaway, '--max-in-flight', '20000', '--jobs', '1']);
    expect(check.code).toBe(EXIT_STOPPED);
    expect(check.stderr).toContain('archplay check: the run with seed 1 Stopped at');
    const sweep = await cli([
      'sweep',
      runaway,
      '--vary',
      'nodes.flood.config.workload.ratePerSec=1,1000000',
      '--max-in-flight',
      '20000',
      '--jobs',
      '1',
      '--json',
    ]);
    expect(sweep.code).toBe(EXIT_STOPPED);
    expect(sweep.stderr.match(/archplay sweep: the run with seed 1 Stopped/g)).toHaveLength(1);
    const replications = await cli([
      'run',
      runaway,
      '--replications',
      '2',
      '--jobs',
      '2',
      '--max-events',
      '3000',
    ]);
    expect(replications.code).toBe(EXIT_STOPPED);
    expect(replications.stderr.match(/Stopped at/g)).toHaveLength(2);
  });

  it('refuses a limit that is not a positive number, naming the flag', async () => {
    const r = await cli(['run', runaway, '--max-events', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^archplay run: --max-events must be a whole number above 0, got "lots"/);
    expect(parseLimitArgs({ 'max-memory-mb': '0' })).toEqual({
      error: '--max-memory-mb must be a number above 0, got "0"',
    });
  });
});

describe('command-line details', () => {
  it('--seed -1 is checked as a seed, not taken for an option', async () => {
    const r = await cli(['run', runaway, '--seed', '-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^archplay run: --seed must be an integer from 0 to 4294967295, got "-1"/);
    expect(
      joinNegativeValues(['--seed', '-1', '--json', '-h'], { ...limitOptions, seed: { type: 'string' } }),
    ).toEqual(['--seed=-1', '--json', '-h']);
  });

  it('archplay --help lists the exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toMatch(/\n {2}3 {3}a run was stopped by a limit/);
  });

  it('the README documents the same exit codes and the limit flags', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    for (const text of ['--max-events', '--max-in-flight', '--max-memory-mb', '--max-wall-sec'])
      expect(readme).toContain(text);
    expect(readme).toMatch(/\| `3` +\| a run was stopped by a limit/);
  });
});
