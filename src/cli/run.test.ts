import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as cli } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'archplay-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = join(import.meta.dirname, '../../public/examples/microservices-flow.json');

describe('archplay run', () => {
  it('prints byte-identical --json for the same file and seed, and a different seed differs', async () => {
    const a = await cli(['run', example, '--json', '--duration', '15']);
    const b = await cli(['run', example, '--json', '--duration', '15']);
    const c = await cli(['run', example, '--json', '--duration', '15', '--seed', '7']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    const summary = JSON.parse(a.stdout);
    expect(Object.keys(summary).slice(0, 6)).toEqual([
      'seed',
      'durationSec',
      'simulatedSec',
      'warmupSec',
      'events',
      'requests',
    ]);
    expect(summary.durationSec).toBe(15);
    expect(summary.nodes.order.kind).toBe('service');
    expect(summary.invariants).toEqual({ ok: true, violations: [] });
    expect(JSON.parse(c.stdout).seed).toBe(7);
  });

  it('prints aligned tables without --json', async () => {
    const r = await cli(['run', example, '--duration', '5']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('node '));
    const nodeLines = lines.slice(header, header + 8);
    // Every row of the node table ends at the same column.
    expect(new Set(nodeLines.map((l) => l.length)).size).toBe(1);
    expect(r.stdout).toContain('invariants: ok');
  });

  it('refuses an invalid document like validate: exit 2, one path: message line per problem', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'archplay', version: 1, nodes: [{ id: 'x' }], edges: [] }));
    const r = await cli(['run', bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/nodes/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses bad options with exit 2', async () => {
    expect((await cli(['run', example, '--seed', '-1'])).code).toBe(2);
    expect((await cli(['run', example, '--duration', 'abc'])).code).toBe(2);
    expect((await cli(['run'])).code).toBe(2);
  });
});
