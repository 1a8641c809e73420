import { describe, expect, it } from 'vitest';
import { buildDocument, constant, exponential } from '../core/run/run.testkit';
import { runCli } from './cliHarness';

/** Erlang C mean response time of an M/M/c queue, in ms. */
function erlangCResponseMs(lambdaPerSec: number, muPerSec: number, c: number): number {
  const a = lambdaPerSec / muPerSec;
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return (last / (sum + last) / (c * muPerSec - lambdaPerSec) + 1 / muPerSec) * 1000;
}

/** The arrival rate at which an M/M/c station's mean response time reaches `meanMs` (bisection). */
function erlangCCapacity(meanMs: number, muPerSec: number, c: number): number {
  let lo = 0;
  let hi = c * muPerSec * (1 - 1e-9);
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (erlangCResponseMs(mid, muPerSec, c) <= meanMs) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** One Poisson client at `ratePerSec` calling one station of c slots (exponential, mu = 100/s a slot). */
function station(c: number, ratePerSec: number, meanMs: number, durationSec: number) {
  return buildDocument({
    nodes: [
      { id: 'load', kind: 'client', config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec } } },
      {
        id: 'server',
        kind: 'service',
        config: { instances: 1, concurrency: c, queueCapacity: 100_000, serviceTimeMs: exponential(10) },
      },
    ],
    edges: [{ source: 'load', target: 'server', config: { latencyMs: constant(0), timeoutMs: 0 } }],
    scenario: {
      durationSec,
      seed: 5,
      warmupSec: 20,
      slos: [{ id: 'mean', target: 'server', metric: 'meanMs', op: '<=', value: meanMs }],
    },
  });
}

async function capacity(
  c: number,
  startRate: number,
  meanMs: number,
  durationSec: number,
  replications: number,
) {
  const doc = JSON.stringify(station(c, startRate, meanMs, durationSec));
  const r = await runCli(
    ['capacity', '-', '--client', 'load', '--replications', String(replications), '--jobs', '1', '--json'],
    doc,
  );
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    maxRatePerSec: number;
    bottleneck: { node: string; utilization: number };
    points: { ratePerSec: number; ok: boolean }[];
  };
}

describe('archplay capacity', () => {
  it('finds the Erlang C rate of an M/M/1 station within 5 % (mean <= 50 ms: 80/s)', async () => {
    const expected = erlangCCapacity(50, 100, 1);
    expect(expected).toBeCloseTo(80, 6);
    const out = await capacity(1, 50, 50, 200, 4);
    expect(Math.abs(out.maxRatePerSec - expected) / expected).toBeLessThan(0.05);
    expect(out.bottleneck.node).toBe('server');
    expect(Math.abs(out.bottleneck.utilization - out.maxRatePerSec / 100)).toBeLessThan(0.03);
    // Bracketing went up from 50/s and bisection stopped within the 1 % tolerance.
    const passing = out.points.filter((p) => p.ok).map((p) => p.ratePerSec);
    const failing = out.points.filter((p) => !p.ok).map((p) => p.ratePerSec);
    expect(Math.min(...failing) / Math.max(...passing) - 1).toBeLessThanOrEqual(0.01);
  });

  it('finds the Erlang C rate of an M/M/4 station within 5 % (mean <= 17.455 ms: 320/s)', async () => {
    const expected = erlangCCapacity(17.455, 100, 4);
    expect(expected).toBeCloseTo(320, 0);
    const out = await capacity(4, 200, 17.455, 100, 3);
    expect(Math.abs(out.maxRatePerSec - expected) / expected).toBeLessThan(0.05);
    // Utilisation is per slot: four busy slots of four is 100 %, so the station reads about rate / (4 * mu).
    expect(Math.abs(out.bottleneck.utilization - out.maxRatePerSec / 400)).toBeLessThan(0.03);
  });

  it('refuses a client with a closed workload, an unknown SLO and a document without SLOs (exit 2)', async () => {
    const doc = station(1, 50, 50, 30);
    const closed = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'load' ? { ...n, config: { ...n.config, workload: { kind: 'closed', users: 5 } } } : n,
      ),
    };
    const a = await runCli(['capacity', '-', '--client', 'load'], JSON.stringify(closed));
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(
      "--client load: has a closed workload (users); capacity searches an open workload's ratePerSec",
    );
    const b = await runCli(['capacity', '-', '--client', 'load', '--slo', 'p99'], JSON.stringify(doc));
    expect(b.stderr).toBe('--slo p99: no such SLO (declared: mean)\n');
    const { slos: _slos, ...scenario } = doc.scenario;
    const c = await runCli(['capacity', '-', '--client', 'load'], JSON.stringify({ ...doc, scenario }));
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('declares no SLOs');
  });
});
