import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cliHarness';
import { serializeDocument, validateDocument } from '../../core/model/validate';
import { loadDocumentFresh } from '../documentStore';
import { capacityClients, capacityJsonText, capacityRows, capacityVerdict } from './capacityView';
import { cancelExperiment, experimentStore, runCapacity, setPoolWorkerFactory } from './experimentStore';
import { inProcessWorkers } from './inProcessPool.testkit';
import { shortTemplate as shortTemplateWith } from './shortTemplate.testkit';

/** The microservices template, short, with its SLOs. */
const shortTemplate = () =>
  shortTemplateWith([
    { id: 'web-p99', target: 'web', metric: 'p99Ms', op: '<=', value: 120 },
    { id: 'gateway-mean', target: 'gateway', metric: 'meanMs', op: '<=', value: 200 },
  ]);

const form = { client: 'web', slos: ['web-p99'], replications: 2, tolerance: 0.1 };
let workers = inProcessWorkers();
const state = () => experimentStore.getState();
const format = (x: number) => String(x);

describe('the capacity search of the Experiment panel', () => {
  beforeEach(() => {
    workers = inProcessWorkers();
    setPoolWorkerFactory(workers.factory);
    experimentStore.setState({ job: null, capacity: null, notice: null });
    loadDocumentFresh(shortTemplate());
  });
  afterAll(() => setPoolWorkerFactory(undefined));

  it('prints byte for byte what `archplay capacity --json` prints for the same document, client and SLOs', async () => {
    const steps: string[] = [];
    const stop = experimentStore.subscribe((s) => {
      const step = s.job?.step;
      if (step && steps.at(-1) !== `${step.index}:${step.ratePerSec}`)
        steps.push(`${step.index}:${step.ratePerSec}`);
    });
    await runCapacity(form);
    stop();
    expect(state().notice).toBeNull();
    const outcome = state().capacity!;
    const dir = mkdtempSync(join(tmpdir(), 'archplay-capacity-'));
    const file = join(dir, 'doc.json');
    writeFileSync(file, serializeDocument(shortTemplate()));
    const cli = await runCli([
      'capacity',
      file,
      '--client',
      'web',
      '--slo',
      'web-p99',
      '--replications',
      '2',
      '--tolerance',
      '0.1',
      '--json',
      '--jobs',
      '1',
    ]);
    expect(cli.code).toBe(0);
    expect(capacityJsonText(outcome)).toBe(cli.stdout);
    // The progress named every step, in order, with the rate it tried.
    expect(steps.map((s) => Number(s.split(':')[0]))).toEqual(outcome.json.points.map((_, i) => i + 1));
    expect(new Set(steps.map((s) => Number(s.split(':')[1])))).toEqual(
      new Set(outcome.json.points.map((p) => p.ratePerSec)),
    );
    expect(workers.alive()).toBe(0);
  });

  it('finds a capacity between a passing and a failing rate, and says so with the bottleneck', async () => {
    await runCapacity({ ...form, slos: [] });
    const { json } = state().capacity!;
    expect(json.slos).toEqual(['web-p99', 'gateway-mean']);
    const passing = json.points.filter((p) => p.ok).map((p) => p.ratePerSec);
    const failing = json.points.filter((p) => !p.ok).map((p) => p.ratePerSec);
    expect(failing.length).toBeGreaterThan(0);
    expect(json.maxRatePerSec).toBe(Math.max(...passing.filter((r) => r < Math.min(...failing))));
    expect((Math.min(...failing) - json.maxRatePerSec) / json.maxRatePerSec).toBeLessThanOrEqual(0.1);
    expect(json.bottleneck?.utilization).toBeGreaterThan(0);
    expect(capacityVerdict(state().capacity!, format)).toBe(
      `web can send at most ${json.maxRatePerSec} requests/s with web-p99, gateway-mean holding. The bottleneck is ${json.bottleneck!.node}, at ${json.bottleneck!.utilization * 100} % utilisation there.`,
    );
    const rows = capacityRows(json.points, 'gateway-mean');
    expect(rows.map((r) => r.rate)).toEqual([...json.points.map((p) => p.ratePerSec)].sort((a, b) => a - b));
    expect(rows.every((r) => r.observed !== null && r.observed > 0)).toBe(true);
  });

  it('refuses a bad form, an unknown SLO or a client it cannot search with `field: message`, running nothing', async () => {
    await runCapacity({ ...form, replications: 0 });
    expect(state().notice?.lines).toEqual(['replications: must be an integer from 1 to 50, got 0']);
    await runCapacity({ ...form, tolerance: 2 });
    expect(state().notice?.lines).toEqual(['tolerance: must be a number from 0.0001 to 0.5, got 2']);
    await runCapacity({ ...form, slos: ['nope'] });
    expect(state().notice?.lines).toEqual(['slo nope: no such SLO (declared: web-p99, gateway-mean)']);
    await runCapacity({ ...form, client: 'gateway' });
    expect(state().notice?.lines).toEqual(['client gateway: is a gateway, not a client']);
    expect(workers.made()).toBe(0);
    expect(state().capacity).toBeNull();
  });

  it('offers the open-workload clients, holding steady a rate the scenario changes (and saying how many changes it left out)', async () => {
    const doc = shortTemplate();
    expect(capacityClients(doc)).toEqual([
      { id: 'web', label: expect.any(String), ratePerSec: 150, rateChanges: 0 },
    ]);
    const changing = validateDocument({
      ...doc,
      scenario: { ...doc.scenario, workloadChanges: [{ atSec: 1, nodeId: 'web', ratePerSec: 5000 }] },
    });
    if (!changing.ok) throw new Error(JSON.stringify(changing.errors));
    expect(capacityClients(changing.document)[0]!.rateChanges).toBe(1);
    loadDocumentFresh(changing.document);
    await runCapacity(form);
    const held = state().capacity!.json;
    expect(held.ignoredWorkloadChanges).toBe(1);
    loadDocumentFresh(doc);
    await runCapacity(form);
    const steady = state().capacity!.json;
    expect(steady.ignoredWorkloadChanges).toBeUndefined();
    // Without the change the runs are the same: the same rates, verdicts and answer.
    expect({ ...held, ignoredWorkloadChanges: undefined }).toEqual({
      ...steady,
      ignoredWorkloadChanges: undefined,
    });
  });

  it('Cancel stops the search at its current step and says how far that step got', async () => {
    const search = runCapacity(form);
    const stop = experimentStore.subscribe((s) => {
      if (s.job?.step && s.job.step.index >= 2 && s.job.done >= 1) cancelExperiment();
    });
    await search;
    stop();
    expect(state().notice?.tone).toBe('info');
    expect(state().notice?.lines[0]).toMatch(/^Cancelled after 1 of 2 runs\.$/);
    expect(state().capacity).toBeNull();
    expect(state().job).toBeNull();
    expect(workers.alive()).toBe(0);
  });
});
