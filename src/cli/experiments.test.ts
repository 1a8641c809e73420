import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as cli, examplesDir } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'archplay-exp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const example = (name: string) => JSON.parse(readFileSync(join(examplesDir, `${name}.json`), 'utf8'));

/** The e-commerce example with checkout and payment p99 objectives, and optionally a 2 s payment slowdown. */
function shop(paymentFault: boolean) {
  const doc = example('ecommerce');
  doc.scenario.slos = [
    {
      id: 'checkout-p99',
      name: 'checkout p99 within 1 s',
      target: 'web',
      metric: 'p99Ms',
      op: '<=',
      value: 1000,
    },
    { id: 'payment-p99', target: 'payment', metric: 'p99Ms', op: '<=', value: 1500 },
  ];
  if (paymentFault)
    doc.scenario.faults.push({ kind: 'addLatency', atSec: 0, nodeId: 'payment', latencyMs: 2000 });
  return doc;
}

/** A small, quick document: the microservices basics example for 10 simulated seconds. */
function small(slos?: unknown[]) {
  const doc = example('microservices-basics');
  doc.scenario.durationSec = 10;
  doc.scenario.warmupSec = 1;
  if (slos) doc.scenario.slos = slos;
  return doc;
}

describe('archplay check', () => {
  it('exits 0 when every SLO of the e-commerce example holds, one line per SLO with its observed value', async () => {
    const r = await cli(['check', file('shop.json', shop(false))]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^PASS {2}checkout-p99 {2}web p99Ms = [\d.]+, needs <= 1000 "checkout p99 within 1 s"$/m,
    );
    expect(r.stdout).toMatch(/^PASS {2}payment-p99 {3}payment p99Ms = [\d.]+, needs <= 1500$/m);
    expect(r.stdout).toContain('2 SLOs, seed 1: all hold');
  });

  it('exits 1 with a 2 s latency fault on payment, naming the failed SLO and its observed value', async () => {
    const r = await cli(['check', file('slow.json', shop(true))]);
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.startsWith('FAIL'));
    expect(line).toMatch(/^FAIL {2}payment-p99 {3}payment p99Ms = (\d+\.?\d*), needs <= 1500$/);
    expect(Number(/= ([\d.]+)/.exec(line!)![1])).toBeGreaterThan(2000);
    expect(r.stdout).toContain('1 failed: payment-p99');
  });

  it('judges replications on the pessimistic end of the 95 % interval', async () => {
    // A target between the mean p99 and the upper end of its interval: the mean meets it, the interval does not.
    const probe = await cli([
      'check',
      file('p.json', small([{ id: 'p99', target: 'web', metric: 'p99Ms', op: '<=', value: 1e6 }])),
      '--replications',
      '4',
      '--jobs',
      '1',
      '--json',
    ]);
    const verdict = JSON.parse(probe.stdout).slos[0];
    const between = (verdict.observed + verdict.ci95[1]) / 2;
    const doc = small([{ id: 'p99', target: 'web', metric: 'p99Ms', op: '<=', value: between }]);
    const r = await cli(['check', file('q.json', doc), '--replications', '4', '--jobs', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`(95% CI ${verdict.ci95[0]}..${verdict.ci95[1]})`);
  });

  it('exits 2 for a document without SLOs and for bad input', async () => {
    const none = await cli(['check', file('none.json', small())]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('scenario.slos: the document declares no SLOs');
    const bad = await cli([
      'check',
      file('bad.json', small([{ id: 'x', target: 'nope', metric: 'p99Ms', op: '<', value: 1 }])),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'scenario.slos[0].target: no node or edge with id "nope" (or use "system" for every client together)\n',
    );
    expect((await cli(['check', 'x.json', '--replications', '0'])).code).toBe(2);
  });
});

describe('archplay run with SLOs and replications', () => {
  it('adds slos to --json only when the document declares SLOs', async () => {
    const plain = JSON.parse((await cli(['run', file('plain.json', small()), '--json'])).stdout);
    expect('slos' in plain).toBe(false);
    const withSlos = JSON.parse(
      (
        await cli([
          'run',
          file('slo.json', small([{ id: 'p', target: 'system', metric: 'errorRate', op: '<', value: 0.5 }])),
          '--json',
        ])
      ).stdout,
    );
    expect(withSlos.slos).toEqual([
      { id: 'p', ok: true, observed: plain.nodes.web.errorRate, op: '<', value: 0.5 },
    ]);
    const { slos: _, ...rest } = withSlos;
    expect(rest).toEqual(plain);
  });

  it('prints byte-identical output for --jobs 1 and --jobs 2, and the first seed matches a plain run', async () => {
    const path = file('rep.json', small([{ id: 'p', target: 'web', metric: 'p99Ms', op: '<', value: 500 }]));
    const one = await cli(['run', path, '--replications', '3', '--jobs', '1', '--json']);
    const two = await cli(['run', path, '--replications', '3', '--jobs', '2', '--json']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const out = JSON.parse(one.stdout);
    expect(out.replications.n).toBe(3);
    expect(out.replications.metrics['nodes.web.latencyMs.p99'].ci95).toHaveLength(2);
    expect(out.replications.slos[0].id).toBe('p');
    const plain = JSON.parse((await cli(['run', path, '--json'])).stdout);
    const { replications: _, ...first } = out;
    expect(first).toEqual(plain);
  });

  it('sharded then merged gives the same bytes as one unsharded run, whatever the order of the shards', async () => {
    const path = file('shard.json', small());
    const whole = await cli(['run', path, '--replications', '5', '--jobs', '1', '--json']);
    const shards = [];
    for (const i of [1, 2, 3]) {
      const r = await cli(['run', path, '--replications', '5', '--jobs', '1', '--shard', `${i}/3`]);
      expect(r.code).toBe(0);
      shards.push(file(`s${i}.json`, r.stdout));
    }
    const merged = await cli(['merge', shards[2]!, shards[0]!, shards[1]!]);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
  });
});

describe('archplay sweep', () => {
  const rate = 'nodes.web.config.workload.ratePerSec';

  it('prints one point per value with metrics and SLOs, identical for any --jobs and after shards merge', async () => {
    const path = file('sw.json', small([{ id: 'p', target: 'web', metric: 'p99Ms', op: '<', value: 500 }]));
    const args = [
      'sweep',
      path,
      '--vary',
      `${rate}=20:60:3`,
      '--metric',
      'nodes.web.latencyMs',
      '--replications',
      '2',
    ];
    const one = await cli([...args, '--jobs', '1', '--json']);
    const two = await cli([...args, '--jobs', '2', '--json']);
    expect(one.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    const out = JSON.parse(one.stdout);
    expect(out.parameters).toEqual([{ path: rate, values: [20, 40, 60] }]);
    expect(out.points.map((p: { values: object }) => p.values)).toEqual([
      { [rate]: 20 },
      { [rate]: 40 },
      { [rate]: 60 },
    ]);
    expect(Object.keys(out.points[0].metrics)).toEqual([
      'nodes.web.latencyMs.mean',
      'nodes.web.latencyMs.p50',
      'nodes.web.latencyMs.p95',
      'nodes.web.latencyMs.p99',
      'nodes.web.latencyMs.max',
    ]);
    expect(out.points[2].slos[0]).toMatchObject({ id: 'p', op: '<', value: 500 });
    const a = await cli([...args, '--jobs', '1', '--shard', '1/2']);
    const b = await cli([...args, '--jobs', '1', '--shard', '2/2']);
    const merged = await cli(['merge', file('a.json', a.stdout), file('b.json', b.stdout), '--json']);
    expect(merged.stdout).toBe(one.stdout);
  });

  it('names a path that addresses no field, with a hint, and refuses a value the schema refuses (exit 2)', async () => {
    const path = file('sw2.json', small());
    const noField = await cli(['sweep', path, '--vary', 'nodes.web.config.ratePerSec=1,2']);
    expect(noField.code).toBe(2);
    expect(noField.stderr).toBe(
      'nodes.web.config.ratePerSec: nodes.web.config has no field "ratePerSec" (did you mean nodes.web.config.workload.ratePerSec?)\n',
    );
    const noNode = await cli(['sweep', path, '--vary', 'nodes.nope.config.instances=1']);
    expect(noNode.stderr).toBe(
      'nodes.nope.config.instances: no node with an id that starts "nope.config.instances"\n',
    );
    const refused = await cli(['sweep', path, '--vary', 'nodes.order.config.instances=2,0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^nodes\.order\.config\.instances=0: Order service \(nodes\[\d+\], id "order"\)\.config\.instances: .*got 0\n$/,
    );
    const badRange = await cli(['sweep', path, '--vary', `${rate}=1:2:1`]);
    expect(badRange.stderr).toContain(`--vary ${rate}: steps must be an integer from 2 to 1000, got 1`);
  });
});

describe('archplay compare', () => {
  it('finds no structural change and no significant difference between a document and itself', async () => {
    const path = file('self.json', small());
    const r = await cli(['compare', path, path, '--replications', '3', '--jobs', '2', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.structure).toEqual({ added: [], removed: [], changed: [] });
    const metrics = Object.values(out.metrics) as { delta: number; significant: boolean }[];
    expect(metrics.length).toBeGreaterThan(50);
    expect(metrics.filter((m) => m.significant)).toEqual([]);
  });

  it('finds a slower service significantly slower, and names what changed', async () => {
    const a = small();
    const b = small();
    const order = b.nodes.find((n: { id: string }) => n.id === 'order');
    order.config.serviceTimeMs = { kind: 'constant', ms: 60 };
    const r = await cli([
      'compare',
      file('a.json', a),
      file('b.json', b),
      '--metric',
      'nodes.web.latencyMs.mean',
      '--replications',
      '3',
      '--jobs',
      '1',
      '--json',
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.structure).toEqual({ added: [], removed: [], changed: ['nodes.order'] });
    const mean = out.metrics['nodes.web.latencyMs.mean'];
    expect(mean.delta).toBeGreaterThan(0);
    expect(mean.significant).toBe(true);
    expect(Object.keys(out.metrics)).toEqual(['nodes.web.latencyMs.mean']);
  });
});

describe('archplay merge', () => {
  it('refuses a missing shard, a repeated one, shards of another experiment and files that are not shards', async () => {
    const path = file('m.json', small());
    const shard = (i: number, reps = '4') =>
      cli(['run', path, '--replications', reps, '--jobs', '1', '--shard', `${i}/2`]);
    const one = file('m1.json', (await shard(1)).stdout);
    const missing = await cli(['merge', one]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('shard 2/2 is missing\n');
    expect((await cli(['merge', one, one])).stderr).toContain('shard 1 is also in');
    const other = file('m2.json', (await shard(2, '6')).stdout);
    expect((await cli(['merge', one, other])).stderr).toContain('a shard of another experiment');
    const notShard = await cli(['merge', path]);
    expect(notShard.stderr).toContain('not an archplay shard');
  });
});

describe('experiment commands', () => {
  it('show their usage on --help (exit 0) and refuse unknown options with it (exit 2)', async () => {
    for (const name of ['check', 'sweep', 'capacity', 'compare', 'merge']) {
      const help = await cli([name, '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(new RegExp(`^Usage: archplay ${name} `));
      const bad = await cli([name, '--nope']);
      expect(bad.code, name).toBe(2);
      expect(bad.stderr, name).toContain('Usage:');
    }
  });
});

describe('the archplay binary', () => {
  it('runs replications on worker threads from any working directory, with the same bytes as in-process', async () => {
    const bin = join(import.meta.dirname, '../../bin/archplay.mjs');
    const path = file('bin.json', small());
    const spawned = spawnSync(
      process.execPath,
      [bin, 'run', path, '--replications', '3', '--jobs', '3', '--json'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(spawned.stderr).toBe('');
    expect(spawned.status).toBe(0);
    const inProcess = await cli(['run', path, '--replications', '3', '--jobs', '1', '--json']);
    expect(spawned.stdout).toBe(inProcess.stdout);
  });
});
