import { describe, expect, it } from 'vitest';
import { createRun } from '../run/createRun';
import { buildDocument, constant, exponential } from '../run/run.testkit';

/** Erlang C mean response time of an M/M/c queue, in ms. */
function erlangCResponseMs(lambdaPerSec: number, muPerSec: number, c: number): number {
  const a = lambdaPerSec / muPerSec;
  const rho = a / c;
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - rho);
  const waitProbability = last / (sum + last);
  const waitSec = waitProbability / (c * muPerSec - lambdaPerSec);
  return (waitSec + 1 / muPerSec) * 1000;
}

/** One Poisson client, one station with exponential service and no network delay. */
function station(ratePerSec: number, concurrency: number, durationSec: number, seed: number) {
  return buildDocument({
    nodes: [
      { id: 'load', kind: 'client', config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec } } },
      {
        id: 'server',
        kind: 'service',
        config: {
          instances: 1,
          concurrency,
          queueCapacity: 100_000,
          serviceTimeMs: exponential(10),
        },
      },
    ],
    edges: [{ source: 'load', target: 'server', config: { latencyMs: constant(0), timeoutMs: 0 } }],
    scenario: { durationSec, seed, warmupSec: 100 },
  });
}

describe('queueing accuracy', () => {
  it('Erlang C gives the textbook values used below', () => {
    expect(erlangCResponseMs(80, 100, 1)).toBeCloseTo(50, 6);
    expect(erlangCResponseMs(320, 100, 4)).toBeCloseTo(17.455, 3);
  });

  it('an M/M/1 station at rho 0.8 has mean response time within 2 % of 50 ms', () => {
    // 80/s for 6,350 s is about 500 k completions after warm-up.
    const run = createRun(station(80, 1, 6350, 11), { traceSampleEvery: 0 });
    run.runToEnd();
    const s = run.summary();
    const server = s.nodes.server!;
    expect(server.completed).toBeGreaterThan(500_000);
    expect(Math.abs(server.latencyMs.mean - 50) / 50).toBeLessThan(0.02);
    expect(Math.abs(server.utilization - 0.8)).toBeLessThan(0.01);
    expect(s.invariants.ok).toBe(true);
  });

  it('an M/M/4 station at rho 0.8 has mean response time within 2 % of Erlang C (17.455 ms)', () => {
    const run = createRun(station(320, 4, 1700, 12), { traceSampleEvery: 0 });
    run.runToEnd();
    const server = run.summary().nodes.server!;
    expect(server.completed).toBeGreaterThan(500_000);
    const expected = erlangCResponseMs(320, 100, 4);
    expect(Math.abs(server.latencyMs.mean - expected) / expected).toBeLessThan(0.02);
  });
});
