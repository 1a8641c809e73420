import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cliHarness';
import { serializeDocument } from '../../core/model/validate';
import { loadDocumentFresh } from '../documentStore';
import {
  cancelExperiment,
  experimentStore,
  runCompare,
  runReplications,
  runSweep,
  setPoolWorkerFactory,
} from './experimentStore';
import { inProcessWorkers } from './inProcessPool.testkit';
import { replicationBars, replicationRows, replicationSlos, replicationsJsonText } from './replicationsView';
import { shortTemplate as shortTemplateWith } from './shortTemplate.testkit';
import type { SweepForm } from './sweepChoices';
import { sweepChart, sweepJsonText } from './sweepView';

/** The microservices template, short, with its SLOs. */
const shortTemplate = () =>
  shortTemplateWith([{ id: 'web-p99', target: 'web', metric: 'p99Ms', op: '<=', value: 120 }]);

const rate = 'nodes.web.config.workload.ratePerSec';
const form: SweepForm = {
  path: rate,
  from: 100,
  to: 500,
  steps: 3,
  replications: 2,
  metric: 'nodes.web.latencyMs.p99',
};

let workers = inProcessWorkers();
const state = () => experimentStore.getState();

describe('the experiment store', () => {
  beforeEach(() => {
    workers = inProcessWorkers();
    setPoolWorkerFactory(workers.factory);
    experimentStore.setState({ job: null, sweep: null, replications: null, compare: null, notice: null });
    loadDocumentFresh(shortTemplate());
  });
  afterAll(() => setPoolWorkerFactory(undefined));

  it('a sweep prints byte for byte what `archplay sweep --json` prints for the same document and seeds', async () => {
    await runSweep(form);
    expect(state().notice).toBeNull();
    const outcome = state().sweep!;
    expect(outcome.records).toHaveLength(6);
    const dir = mkdtempSync(join(tmpdir(), 'archplay-sweep-'));
    const file = join(dir, 'doc.json');
    writeFileSync(file, serializeDocument(shortTemplate()));
    const cli = await runCli([
      'sweep',
      file,
      '--vary',
      `${rate}=100:500:3`,
      '--replications',
      '2',
      '--metric',
      form.metric,
      '--json',
      '--jobs',
      '1',
    ]);
    expect(cli.code).toBe(0);
    expect(sweepJsonText(outcome, form.metric)).toBe(cli.stdout);
  });

  it('charts the metric against the parameter with a 95 % band per point and the SLO line on the same metric', async () => {
    await runSweep(form);
    const chart = sweepChart(state().sweep!, form.metric);
    expect(chart.rows.map((r) => r.x)).toEqual([100, 300, 500]);
    for (const row of chart.rows) {
      expect(row.band![0]).toBeLessThanOrEqual(row.mean!);
      expect(row.band![1]).toBeGreaterThanOrEqual(row.mean!);
    }
    expect(chart.lines).toEqual([{ id: 'web-p99', value: 120, label: 'web-p99 <= 120' }]);
    const slo = sweepChart(state().sweep!, 'slo:web-p99');
    expect(slo.rows.every((r) => r.mean !== null && r.ok === (r.failed.length === 0))).toBe(true);
    expect(slo.lines.map((l) => l.value)).toEqual([120]);
  });

  it('refuses a bad form or a path that names no field with `path: message`, running nothing', async () => {
    await runSweep({ ...form, steps: 1 });
    expect(state().notice?.lines).toEqual(['steps: must be an integer from 2 to 50, got 1']);
    await runSweep({ ...form, path: 'nodes.web.config.ratePerSec' });
    expect(state().notice?.lines[0]).toMatch(/^nodes\.web\.config\.ratePerSec: .*did you mean/);
    await runSweep({ ...form, path: 'nodes.order.config.instances', from: 0, to: 2, steps: 3 });
    expect(state().notice?.lines[0]).toMatch(/^nodes\.order\.config\.instances=0: /);
    expect(workers.made()).toBe(0);
    expect(state().sweep).toBeNull();
  });

  it('Cancel stops the sweep: its workers are terminated and it says how far it got', async () => {
    const sweep = runSweep({ ...form, steps: 6 });
    const stop = experimentStore.subscribe((s) => {
      if (s.job && s.job.done >= 1) cancelExperiment();
    });
    await sweep;
    stop();
    expect(state().notice?.tone).toBe('info');
    expect(state().notice?.lines[0]).toMatch(/^Cancelled after \d+ of 12 runs\.$/);
    expect(state().job).toBeNull();
    expect(state().sweep).toBeNull();
    expect(workers.alive()).toBe(0);
  });

  it('a design compared with itself shows no structural change and no significant difference', async () => {
    const doc = shortTemplate();
    await runCompare({ name: 'A', document: doc }, { name: 'B', document: doc }, 3);
    const outcome = state().compare!;
    expect(outcome.result.structure).toEqual({ added: [], removed: [], changed: [] });
    const metrics = Object.values(outcome.result.metrics);
    expect(metrics.length).toBeGreaterThan(10);
    expect(metrics.some((m) => m.significant)).toBe(false);
    expect(outcome.records.a).toHaveLength(3);
    expect(workers.alive()).toBe(0);
  });

  it('replications print byte for byte what `archplay run --replications --json` prints', async () => {
    await runReplications(3);
    const outcome = state().replications!;
    expect(outcome.records.map((r) => r.seed)).toEqual([42, 43, 44]);
    expect(outcome.records[0]!.summary).toBeDefined();
    expect(outcome.records[1]!.summary).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'archplay-replications-'));
    const file = join(dir, 'doc.json');
    writeFileSync(file, serializeDocument(shortTemplate()));
    const cli = await runCli(['run', file, '--replications', '3', '--json', '--jobs', '1']);
    expect(cli.code).toBe(0);
    expect(replicationsJsonText(outcome)).toBe(cli.stdout);
  });

  it('replications chart each node with its 95 % interval and judge the SLOs on it', async () => {
    await runReplications(4);
    const outcome = state().replications!;
    const bars = replicationBars(outcome, 'latencyMs.p99');
    expect(bars.map((b) => b.node)).toEqual([
      'web',
      'gateway',
      'order',
      'inventory',
      'payment',
      'fraud',
      'catalog',
    ]);
    expect(bars.every((b) => b.mean > 0 && b.error >= 0)).toBe(true);
    const [slo] = replicationSlos(outcome);
    expect(slo).toMatchObject({ id: 'web-p99', op: '<=', value: 120 });
    expect(slo!.ok).toBe(slo!.ci95![1] <= 120);
    expect(replicationRows(outcome).map((r) => r.path)).toContain('nodes.web.latencyMs.p99');
    await runReplications(1);
    expect(state().notice?.lines).toEqual(['replications: must be an integer from 2 to 200, got 1']);
  });
});
