import { describe, expect, it } from 'vitest';
import { buildDocument, constant, exponential } from '../run/run.testkit';
import { type ExperimentHeader, plannedTasks } from './experiment';
import { metricIntervals, toRecord } from './records';
import { runReplica } from './replica';

/** M/M/1 at rho 0.5: Poisson arrivals at 50/s, exponential service at 100/s; mean response 1 / (mu - lambda) = 20 ms. */
const mm1 = buildDocument({
  nodes: [
    {
      id: 'load',
      kind: 'client',
      config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec: 50 } },
    },
    {
      id: 'server',
      kind: 'service',
      config: { instances: 1, concurrency: 1, queueCapacity: 100_000, serviceTimeMs: exponential(10) },
    },
  ],
  edges: [{ source: 'load', target: 'server', config: { latencyMs: constant(0), timeoutMs: 0 } }],
  scenario: { durationSec: 16, warmupSec: 1 },
});
const ANALYTIC_MEAN_MS = 20;

describe('replication confidence intervals', () => {
  it('cover the analytic M/M/1 mean in 88–98 % of 200 experiments of 10 short replications', () => {
    const experiments = 200;
    let covered = 0;
    for (let e = 0; e < experiments; e++) {
      const header: ExperimentHeader = {
        command: 'run',
        documentHash: '',
        seed: 1000 + e * 10,
        replications: 10,
        parameters: [],
        metrics: [],
        slos: [],
        taskCount: 10,
      };
      const records = plannedTasks([mm1], header).map((task) => toRecord(runReplica(task), task.seed));
      const { ci95 } = metricIntervals(records)['nodes.server.latencyMs.mean']!;
      if (ci95![0] <= ANALYTIC_MEAN_MS && ANALYTIC_MEAN_MS <= ci95![1]) covered++;
    }
    const coverage = covered / experiments;
    expect(coverage).toBeGreaterThanOrEqual(0.88);
    expect(coverage).toBeLessThanOrEqual(0.98);
  });
});
