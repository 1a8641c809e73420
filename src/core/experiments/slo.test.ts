import { describe, expect, it } from 'vitest';
import ecommerce from '../../../public/examples/ecommerce.json';
import type { Slo } from '../model/schema';
import { validateDocument } from '../model/validate';
import { createRun } from '../run/createRun';
import { buildDocument, constant, exponential } from '../run/run.testkit';
import { observeRun, SloObserver, sloHolds, sloWindow } from './slo';

/** A Poisson client calling one exponential station, with a 100 ms latency fault from 10 s to 15 s. */
function station(slos: unknown[], warmupSec = 2) {
  return buildDocument({
    nodes: [
      {
        id: 'load',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec: 200 } },
      },
      {
        id: 'server',
        kind: 'service',
        config: {
          instances: 1,
          concurrency: 4,
          queueCapacity: 10_000,
          serviceTimeMs: exponential(10),
          errorRate: 0.05,
        },
      },
    ],
    edges: [{ source: 'load', target: 'server', config: { latencyMs: constant(1), timeoutMs: 0 } }],
    scenario: {
      durationSec: 20,
      seed: 3,
      warmupSec,
      faults: [{ kind: 'addLatency', atSec: 10, nodeId: 'server', latencyMs: 100, durationSec: 5 }],
      slos,
    },
  });
}

const slo = (id: string, target: string, metric: string, extra: object = {}) => ({
  id,
  target,
  metric,
  op: '<=',
  value: 1000,
  ...extra,
});

describe('SLO evaluation', () => {
  it('applies each comparison operator as written', () => {
    expect(sloHolds('<', 1, 1)).toBe(false);
    expect(sloHolds('<=', 1, 1)).toBe(true);
    expect(sloHolds('>', 2, 1)).toBe(true);
    expect(sloHolds('>=', 0.5, 1)).toBe(false);
  });

  it('clips a window to after the warm-up and to the run', () => {
    const s = { fromSec: 1, toSec: 99 } as Slo;
    expect(sloWindow(s, 20_000, 2000)).toEqual({ startMs: 2000, endMs: 20_000 });
    expect(sloWindow({} as Slo, 20_000, 0)).toEqual({ startMs: 0, endMs: 20_000 });
  });

  it('reads the whole measured window exactly as the run summary does, and leaves the run unchanged', () => {
    const doc = station([
      slo('p50', 'server', 'p50Ms'),
      slo('p99', 'server', 'p99Ms'),
      slo('mean', 'load', 'meanMs'),
      slo('err', 'server', 'errorRate'),
      slo('tput', 'server', 'throughputPerSec'),
      slo('late', 'server', 'p99Ms', { fromSec: 11, toSec: 14 }),
    ]);
    const { summary, slos } = observeRun(createRun(doc), doc);
    const plain = createRun(doc);
    plain.runToEnd();
    expect(JSON.stringify(summary)).toBe(JSON.stringify(plain.summary()));
    const observed = Object.fromEntries(slos.map((s) => [s.id, s.observed]));
    const server = summary.nodes.server!;
    expect(observed.p50).toBe(server.latencyMs.p50);
    expect(observed.p99).toBe(server.latencyMs.p99);
    expect(observed.mean).toBe(summary.nodes.load!.latencyMs.mean);
    expect(observed.err).toBe(server.errorRate);
    expect(observed.tput).toBe(server.throughputPerSec);
    expect(slos.every((s) => s.op === '<=' && s.value === 1000)).toBe(true);
  });

  it('a window reads only its own responses: p50 before a 100 ms latency fault is far below it, during it above', () => {
    const doc = station([
      slo('before', 'server', 'p50Ms', { toSec: 10 }),
      slo('during', 'server', 'p50Ms', { fromSec: 11, toSec: 14 }),
      slo('whole', 'server', 'p50Ms'),
    ]);
    const [before, during, whole] = observeRun(createRun(doc), doc).slos;
    expect(before!.observed).toBeLessThan(30);
    expect(during!.observed).toBeGreaterThan(100);
    expect(whole!.observed).toBeGreaterThan(before!.observed);
  });

  it('"system" is every client together: one client gives the client\'s numbers', () => {
    const doc = station([
      slo('sys', 'system', 'p95Ms'),
      slo('one', 'load', 'p95Ms'),
      slo('av', 'system', 'availability'),
    ]);
    const { slos, summary } = observeRun(createRun(doc), doc);
    expect(slos[0]!.observed).toBe(slos[1]!.observed);
    expect(slos[2]!.observed).toBeCloseTo(1 - summary.nodes.load!.errorRate, 2);
  });

  it('an edge is measured by its calls that ended in the window', () => {
    const doc = station([
      slo('edge', 'load-server', 'throughputPerSec'),
      slo('edge-err', 'load-server', 'errorRate'),
    ]);
    const { slos } = observeRun(createRun(doc), doc);
    expect(slos[0]!.observed).toBeGreaterThan(180);
    expect(slos[0]!.observed).toBeLessThan(220);
    expect(slos[1]!.observed).toBeGreaterThan(0.02);
    expect(slos[1]!.observed).toBeLessThan(0.08);
  });

  it('breakerOpenMs adds up the OPEN spans of the breaker history inside the window', () => {
    const parsed = validateDocument(ecommerce);
    if (!parsed.ok) throw new Error('example invalid');
    const doc = {
      ...parsed.document,
      scenario: {
        ...parsed.document.scenario,
        // Its payment slowdown runs from 20 s to 30 s; the breaker has settled by 40 s.
        durationSec: 40,
        slos: [
          {
            id: 'all',
            name: '',
            target: 'order-payment',
            metric: 'breakerOpenMs' as const,
            op: '<=' as const,
            value: 0,
          },
          {
            id: 'late',
            name: '',
            target: 'order-payment',
            metric: 'breakerOpenMs' as const,
            op: '<=' as const,
            value: 0,
            fromSec: 35,
          },
        ],
      },
    };
    const { summary, slos } = observeRun(createRun(doc), doc);
    const transitions = (
      summary.edges['order-payment']!.breaker as { transitions: { atMs: number; to: string }[] }
    ).transitions;
    let open = 0;
    transitions.forEach((t, i) => {
      if (t.to === 'OPEN') open += (transitions[i + 1]?.atMs ?? 40_000) - t.atMs;
    });
    expect(open).toBeGreaterThan(0);
    expect(slos[0]!.observed).toBeCloseTo(open, 2);
    expect(slos[0]!.ok).toBe(false);
    expect(slos[1]!.observed).toBe(0);
  });

  it('a host that advances in its own slices, stopping where the observer asks, gets the same verdicts', () => {
    const doc = station([
      slo('during', 'server', 'p99Ms', { fromSec: 10.5, toSec: 14.25 }),
      slo('tput', 'system', 'throughputPerSec', { fromSec: 3 }),
    ]);
    const expected = observeRun(createRun(doc), doc).slos;
    const run = createRun(doc);
    const observer = new SloObserver(run, doc);
    observer.observe();
    while (!run.done) {
      // Slices of 137 ms or 500 events, as a worker's slice loop might run them.
      run.advance(Math.min(run.nowMs + 137, observer.nextStopMs()), 500);
      observer.observe();
    }
    expect(observer.results(run.summary())).toEqual(expected);
  });

  describe('live readings', () => {
    /** Runs the document in slices through an observer, calling `visit` after each slice. */
    function sliced(doc: ReturnType<typeof station>, visit: (observer: SloObserver, nowMs: number) => void) {
      const run = createRun(doc);
      const observer = new SloObserver(run, doc);
      observer.observe();
      while (!run.done) {
        run.advance(Math.min(run.nowMs + 250, observer.nextStopMs()));
        observer.observe();
        visit(observer, run.nowMs);
      }
      return { run, observer };
    }

    it('waits with no value until its window has run time in it', () => {
      const doc = station([slo('late', 'server', 'p50Ms', { fromSec: 11, toSec: 14 })]);
      const seen: string[] = [];
      sliced(doc, (observer, nowMs) => {
        const [late] = observer.live();
        if (nowMs <= 11_000) {
          expect(late!.state).toBe('waiting');
          expect(late!.observed).toBeNull();
        }
        seen.push(late!.state);
      });
      expect(seen).toContain('open');
    });

    it('reads the window so far: p50 during a 100 ms latency fault is above 100 while the fault lasts', () => {
      const doc = station([slo('during', 'server', 'p50Ms', { fromSec: 10, toSec: 15, value: 50 })]);
      let checked = 0;
      sliced(doc, (observer, nowMs) => {
        const [during] = observer.live();
        if (nowMs > 12_000 && nowMs < 15_000) {
          expect(during!.state).toBe('open');
          expect(during!.observed).toBeGreaterThan(100);
          expect(during!.ok).toBe(false);
          checked++;
        }
      });
      expect(checked).toBeGreaterThan(0);
    });

    it("once a window is over its live reading is final and equals the run's verdict", () => {
      const doc = station([
        slo('early', 'server', 'p99Ms', { toSec: 8 }),
        slo('whole', 'system', 'errorRate'),
        slo('tput', 'load-server', 'throughputPerSec', { fromSec: 3 }),
      ]);
      let earlyAt9s: unknown = null;
      const { run, observer } = sliced(doc, (o, nowMs) => {
        if (earlyAt9s === null && nowMs >= 9000) earlyAt9s = o.live()[0];
      });
      const verdicts = observer.results(run.summary());
      const live = observer.live();
      expect(live.every((s) => s.state === 'final')).toBe(true);
      expect(live.map(({ id, ok, observed, op, value }) => ({ id, ok, observed, op, value }))).toEqual(
        verdicts,
      );
      expect(earlyAt9s).toMatchObject({ state: 'final', observed: verdicts[0]!.observed });
    });

    it('reading live values changes neither the run nor its verdicts', () => {
      const doc = station([slo('p99', 'server', 'p99Ms'), slo('err', 'system', 'errorRate', { fromSec: 5 })]);
      const expected = observeRun(createRun(doc), doc);
      const { run, observer } = sliced(doc, (o) => o.live());
      const summary = run.summary();
      expect(JSON.stringify(summary)).toBe(JSON.stringify(expected.summary));
      expect(observer.results(summary)).toEqual(expected.slos);
    });
  });
});
