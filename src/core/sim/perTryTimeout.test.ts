import { describe, expect, it } from 'vitest';
import { resilientCallPolicyFactory } from '../components/resilience/resilientCallPolicy';
import type { Distribution } from '../model/schema';
import { createRun } from '../run/createRun';
import { buildDocument, constant } from '../run/run.testkit';
import type { CallPolicy, CallPolicyFactory } from './callPolicy';
import type { Call } from './edgeLink';

const PER_TRY_MS = 50;

/** client -> front (one call step to back) -> back; the front->back edge is configured per test. */
function chain(opts: {
  backWorkMs: Distribution;
  backErrorRate?: number;
  latencyMs?: number;
  retry: Record<string, unknown>;
  timeoutMs?: number;
  breaker?: Record<string, unknown>;
  ratePerSec?: number;
  durationSec?: number;
  faults?: unknown[];
}) {
  const durationSec = opts.durationSec ?? 10;
  return buildDocument({
    nodes: [
      {
        id: 'client',
        kind: 'client',
        config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: opts.ratePerSec ?? 5 } },
      },
      {
        id: 'front',
        kind: 'service',
        config: {
          instances: 1,
          concurrency: 10_000,
          serviceTimeMs: constant(1),
          endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'back', path: '/' }] }],
        },
      },
      {
        id: 'back',
        kind: 'service',
        config: {
          instances: 2,
          concurrency: 10_000,
          serviceTimeMs: opts.backWorkMs,
          errorRate: opts.backErrorRate ?? 0,
        },
      },
    ],
    edges: [
      { source: 'client', target: 'front', config: { latencyMs: constant(0), timeoutMs: 0 } },
      {
        source: 'front',
        target: 'back',
        config: {
          latencyMs: constant(opts.latencyMs ?? 1),
          timeoutMs: opts.timeoutMs ?? 1000,
          retry: opts.retry,
          ...(opts.breaker ? { breaker: opts.breaker } : {}),
        },
      },
    ],
    // Arrivals stop 2 s before the end so every call, and every abandoned attempt, has ended.
    scenario: {
      durationSec,
      faults: opts.faults ?? [],
      workloadChanges: [{ atSec: durationSec - 2, nodeId: 'client', ratePerSec: 0 }],
    },
  });
}

/** What the front->back policy saw: attempt starts per call, backoff draws in order, call ends. */
interface Recording {
  starts: Map<Call, number[]>;
  backoffsMs: number[];
  attemptStatuses: number[];
  callEnds: number;
}

/** The default policies, with the front->back one wrapped to record what the pipeline asked of it. */
function recordingFactory(rec: Recording): CallPolicyFactory {
  return (edge, env) => {
    const inner = resilientCallPolicyFactory(edge, env);
    if (edge.id !== 'front-back') return inner;
    const policy: CallPolicy = {
      admit: (nowMs) => inner.admit(nowMs),
      pickInstance: (view, req, nowMs) => {
        const call = (req as unknown as { call: Call }).call;
        const list = rec.starts.get(call) ?? [];
        list.push(nowMs);
        rec.starts.set(call, list);
        return inner.pickInstance(view, req, nowMs);
      },
      onAttempt: (instance, status, nowMs) => {
        rec.attemptStatuses.push(status);
        inner.onAttempt(instance, status, nowMs);
      },
      onCallEnd: (ok, durationMs, nowMs) => {
        rec.callEnds++;
        inner.onCallEnd(ok, durationMs, nowMs);
      },
      backoffMs: (retry, rng) => {
        const ms = inner.backoffMs(retry, rng);
        rec.backoffsMs.push(ms);
        return ms;
      },
      breakerState: () => inner.breakerState(),
      summary: () => inner.summary(),
    };
    return policy;
  };
}

function recordedRun(doc: ReturnType<typeof chain>, seed = 1) {
  const rec: Recording = { starts: new Map(), backoffsMs: [], attemptStatuses: [], callEnds: 0 };
  const run = createRun(doc, { seed, callPolicyFactory: recordingFactory(rec) });
  run.runToEnd();
  return { run, rec, summary: run.summary() };
}

describe('per-try timeout (Envoy retry_policy.per_try_timeout)', () => {
  it('retries an attempt slower than the per-try timeout when retryOn lists timeout: 3 attempts, then 504', () => {
    const { rec, summary } = recordedRun(
      chain({
        backWorkMs: constant(300),
        retry: { maxRetries: 2, retryOn: ['timeout'], perTryTimeoutMs: PER_TRY_MS },
      }),
    );
    const edge = summary.edges['front-back']!;
    expect(edge.calls).toBeGreaterThan(30);
    // The callee received every attempt: 3 per call.
    expect(summary.nodes.back!.arrived).toBe(3 * edge.calls);
    expect(edge.retries).toBe(2 * edge.calls);
    // Every call ended with 504 once its attempts ran out: one failure and one timeout per call.
    expect(edge.failed).toBe(edge.calls);
    expect(edge.timeouts).toBe(edge.calls);
    expect(rec.callEnds).toBe(edge.calls);
    // Each attempt was reported to the policy once, as a 504 at its per-try timeout.
    expect(rec.attemptStatuses).toHaveLength(3 * edge.calls);
    expect(new Set(rec.attemptStatuses)).toEqual(new Set([504]));
    // Calls do not overlap at 5 calls/s, so backoff draws come two per call, in call order.
    const calls = [...rec.starts.values()];
    expect(calls).toHaveLength(edge.calls);
    expect(rec.backoffsMs).toHaveLength(2 * edge.calls);
    calls.forEach((starts, i) => {
      expect(starts).toHaveLength(3);
      expect(starts[1]! - starts[0]!).toBeCloseTo(PER_TRY_MS + rec.backoffsMs[2 * i]!, 9);
      expect(starts[2]! - starts[1]!).toBeCloseTo(PER_TRY_MS + rec.backoffsMs[2 * i + 1]!, 9);
    });
    // The call lasts three per-try timeouts plus two backoffs (at most 25 + 75 ms), far below 1000 ms.
    expect(edge.latencyMs.max).toBeLessThanOrEqual(3 * PER_TRY_MS + 100);
    expect(edge.latencyMs.mean).toBeGreaterThanOrEqual(3 * PER_TRY_MS);
    // The callee kept working on every abandoned attempt and answered each one.
    expect(summary.nodes.back!.completed).toBe(summary.nodes.back!.arrived);
    expect(summary.invariants.ok).toBe(true);
  });

  it('fails after the per-try timeout, not the overall timeout, when retryOn lacks timeout', () => {
    const { rec, summary } = recordedRun(
      chain({
        backWorkMs: constant(300),
        retry: { maxRetries: 2, retryOn: ['5xx', 'connect'], perTryTimeoutMs: PER_TRY_MS },
      }),
    );
    const edge = summary.edges['front-back']!;
    expect(edge.calls).toBeGreaterThan(30);
    expect(summary.nodes.back!.arrived).toBe(edge.calls);
    expect(edge.retries).toBe(0);
    expect(edge.timeouts).toBe(edge.calls);
    expect(rec.backoffsMs).toEqual([]);
    // Every call lasted exactly one per-try timeout (the overall timeout is 1000 ms).
    expect(edge.latencyMs.max).toBeCloseTo(PER_TRY_MS, 0);
    expect(edge.latencyMs.mean).toBeCloseTo(PER_TRY_MS, 0);
    // The front turned each 504 into a 502 for the client.
    expect(summary.nodes.front!.failed).toBe(summary.nodes.front!.arrived);
  });

  // Each attempt outlasts the 50 ms per-try timeout, but its 200 reaches the caller while the call
  // still runs; taking it would rescue the call, so every call must still end with 504.
  it.each([
    { when: 'a retry is awaited', workMs: 70, latencyMs: 1, backoffMs: 0 },
    { when: 'its answer is on the wire back', workMs: 20, latencyMs: 20, backoffMs: 0 },
    { when: 'the backoff before the retry runs', workMs: 55, latencyMs: 1, backoffMs: 100 },
  ])(
    'ignores the late 200 of an abandoned attempt arriving while $when',
    ({ workMs, latencyMs, backoffMs }) => {
      const { rec, summary } = recordedRun(
        chain({
          backWorkMs: constant(workMs),
          latencyMs,
          retry: {
            maxRetries: 2,
            retryOn: ['timeout'],
            perTryTimeoutMs: PER_TRY_MS,
            baseBackoffMs: backoffMs,
            maxBackoffMs: backoffMs,
          },
        }),
      );
      const edge = summary.edges['front-back']!;
      expect(edge.calls).toBeGreaterThan(30);
      expect(edge.failed).toBe(edge.calls);
      expect(edge.latencyMs.max).toBeGreaterThanOrEqual(3 * PER_TRY_MS);
      expect(rec.attemptStatuses).toEqual(Array(3 * edge.calls).fill(504));
      expect(rec.callEnds).toBe(edge.calls);
      // The callee answered all three attempts of every call with 200; nobody read them.
      expect(summary.nodes.back!.completed).toBe(3 * edge.calls);
      expect(summary.invariants.ok).toBe(true);
    },
  );

  it('disarms the per-try timer when an attempt answers: a fast 500 gets 1 + maxRetries attempts', () => {
    // Backoff up to 200 ms outlasts the 50 ms per-try timer of the attempt that already failed.
    const { rec, summary } = recordedRun(
      chain({
        backWorkMs: constant(2),
        backErrorRate: 1,
        retry: {
          maxRetries: 2,
          retryOn: ['5xx', 'timeout'],
          perTryTimeoutMs: PER_TRY_MS,
          baseBackoffMs: 200,
          maxBackoffMs: 200,
        },
        timeoutMs: 2000,
      }),
    );
    const edge = summary.edges['front-back']!;
    expect(edge.calls).toBeGreaterThan(30);
    expect(summary.nodes.back!.arrived).toBe(3 * edge.calls);
    expect(rec.attemptStatuses).toEqual(Array(3 * edge.calls).fill(500));
    expect(edge.timeouts).toBe(0);
    expect(rec.callEnds).toBe(edge.calls);
  });

  it('turns most occasional slow responses into successes, beating the same run without it', () => {
    // Lognormal work, median ~4 ms with a long tail: ~15 % of attempts outlast 50 ms, ~3 % 250 ms.
    const run = (perTryTimeoutMs: number) =>
      recordedRun(
        chain({
          backWorkMs: { kind: 'lognormal', meanMs: 50, stdDevMs: 500 },
          retry: { maxRetries: 2, retryOn: ['timeout'], perTryTimeoutMs },
          timeoutMs: 250,
          ratePerSec: 100,
          durationSec: 32,
        }),
        42,
      ).summary;
    const without = run(0);
    const withPerTry = run(PER_TRY_MS);
    const rate = (s: typeof without) => s.edges['front-back']!.failed / s.edges['front-back']!.calls;
    const edge = withPerTry.edges['front-back']!;
    expect(edge.calls).toBeGreaterThan(2500);
    // Without a per-try timeout the slow calls wait for the 250 ms deadline and fail, never retried.
    expect(rate(without)).toBeGreaterThan(0.015);
    expect(without.edges['front-back']!.retries).toBe(0);
    // With it they are abandoned at 50 ms and retried; most retries land on a fast answer.
    expect(edge.retries).toBeGreaterThan(0.1 * edge.calls);
    expect(edge.failed).toBeLessThan(0.25 * edge.retries);
    expect(rate(withPerTry)).toBeLessThan(rate(without) / 3);
    expect(withPerTry.requests.failed).toBeLessThan(without.requests.failed / 3);
  });

  it('lets the overall deadline win when it is shorter than per-try x attempts', () => {
    const { rec, summary } = recordedRun(
      chain({
        backWorkMs: constant(300),
        retry: { maxRetries: 5, retryOn: ['timeout'], perTryTimeoutMs: PER_TRY_MS },
        timeoutMs: 120,
      }),
    );
    const edge = summary.edges['front-back']!;
    expect(edge.calls).toBeGreaterThan(30);
    // Every call ends at its 120 ms deadline, before the 6 x 50 ms the attempts could take.
    expect(edge.latencyMs.mean).toBeCloseTo(120, 0);
    expect(edge.latencyMs.max).toBeCloseTo(120, 0);
    expect(edge.timeouts).toBe(edge.calls);
    expect(rec.callEnds).toBe(edge.calls);
    // At most two per-try timeouts fit in 120 ms, so a call makes 2 or 3 attempts.
    expect(edge.attempts / edge.calls).toBeGreaterThanOrEqual(2);
    expect(edge.attempts / edge.calls).toBeLessThanOrEqual(3);
    // An attempt still awaited at the deadline (at most one per call) ends with the call, reported to
    // no one as a per-try timeout; the other calls end during a backoff that crosses the deadline.
    const cutByDeadline = edge.attempts - rec.attemptStatuses.length;
    expect(cutByDeadline).toBeGreaterThan(0);
    expect(cutByDeadline).toBeLessThan(edge.calls);
    for (const starts of rec.starts.values())
      expect(starts[starts.length - 1]! - starts[0]!).toBeLessThan(120);
  });

  it('changes nothing when longer than the overall timeout: one attempt, ended by the deadline', () => {
    const { rec, summary } = recordedRun(
      chain({
        backWorkMs: constant(300),
        retry: { maxRetries: 2, retryOn: ['timeout'], perTryTimeoutMs: 200 },
        timeoutMs: 100,
      }),
    );
    const edge = summary.edges['front-back']!;
    expect(edge.retries).toBe(0);
    expect(edge.timeouts).toBe(edge.calls);
    expect(edge.latencyMs.max).toBeCloseTo(100, 0);
    expect(rec.attemptStatuses).toEqual([]);
  });

  it('keeps conservation, one completion and one breaker record per call with late replies in play', () => {
    const doc = chain({
      backWorkMs: { kind: 'lognormal', meanMs: 40, stdDevMs: 200 },
      retry: { maxRetries: 3, retryOn: ['timeout', 'connect', '5xx'], perTryTimeoutMs: 30 },
      timeoutMs: 150,
      breaker: { minimumNumberOfCalls: 20, slidingWindowSize: 20, waitDurationInOpenStateMs: 500 },
      ratePerSec: 200,
      durationSec: 12,
      faults: [
        { kind: 'killInstance', atSec: 3, nodeId: 'back', instance: 0 },
        { kind: 'restartInstance', atSec: 5, nodeId: 'back', instance: 0 },
        { kind: 'partition', atSec: 6, a: 'front', b: 'back', durationSec: 0.5 },
        { kind: 'addLatency', atSec: 7, nodeId: 'back', latencyMs: 100, durationSec: 1 },
      ],
    });
    const rec: Recording = { starts: new Map(), backoffsMs: [], attemptStatuses: [], callEnds: 0 };
    const run = createRun(doc, { seed: 7, callPolicyFactory: recordingFactory(rec) });
    // Check the invariants at many moments, with abandoned attempts still inside the callee.
    let checks = 0;
    while (!run.done) {
      run.advance(run.nowMs + 97);
      const report = run.invariants();
      expect(report.violations).toEqual([]);
      checks++;
    }
    expect(checks).toBeGreaterThan(100);
    const s = run.summary();
    const edge = s.edges['front-back']!;
    // Late replies really happened: many attempts were abandoned while the callee still held them.
    expect(edge.retries).toBeGreaterThan(0.05 * edge.calls);
    expect(rec.attemptStatuses.filter((st) => st === 504).length).toBeGreaterThan(100);
    // Every admitted call reached the breaker exactly once, every call ended exactly once.
    expect(rec.callEnds).toBe(edge.calls - edge.rejected);
    expect(edge.inFlight).toBe(0);
    expect(s.requests.ok + s.requests.failed).toBe(s.requests.total);
    expect(s.nodes.front!.arrived).toBe(s.requests.total);
    // Each attempt that reached the callee was answered once, awaited or not.
    const back = s.nodes.back!;
    expect(back.completed + back.failed).toBe(back.arrived);
    expect(back.arrived).toBeLessThanOrEqual(edge.attempts);
    expect(s.invariants.ok).toBe(true);
  });

  it('is deterministic: the same seed gives a byte-identical summary', () => {
    const doc = chain({
      backWorkMs: { kind: 'lognormal', meanMs: 50, stdDevMs: 500 },
      retry: { maxRetries: 2, retryOn: ['timeout'], perTryTimeoutMs: PER_TRY_MS },
      ratePerSec: 50,
    });
    const json = (seed: number) => {
      const run = createRun(doc, { seed });
      run.runToEnd();
      return JSON.stringify(run.summary());
    };
    expect(json(3)).toBe(json(3));
    expect(json(3)).not.toBe(json(4));
  });

  it('is retuned at run time by a config server key, like timeoutMs (perTryTimeoutMs.<target>)', () => {
    const doc = buildDocument({
      nodes: [
        {
          id: 'web',
          kind: 'client',
          config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 50 } },
        },
        {
          id: 'a',
          kind: 'service',
          config: {
            concurrency: 1000,
            serviceTimeMs: constant(1),
            endpoints: [{ path: '/', steps: [{ kind: 'call', target: 'b', path: '/' }] }],
          },
        },
        { id: 'b', kind: 'service', config: { concurrency: 1000, serviceTimeMs: constant(50) } },
        { id: 'cfg', kind: 'configServer', config: { mode: 'push' } },
      ],
      edges: [
        { source: 'web', target: 'a', config: { latencyMs: constant(0) } },
        { source: 'a', target: 'b', config: { latencyMs: constant(1), timeoutMs: 1000 } },
        { source: 'a', target: 'cfg', kind: 'config' },
      ],
      scenario: {
        durationSec: 20,
        faults: [
          {
            kind: 'configChange',
            atSec: 10,
            nodeId: 'cfg',
            service: 'a',
            key: 'perTryTimeoutMs.b',
            value: 20,
          },
        ],
        workloadChanges: [{ atSec: 19, nodeId: 'web', ratePerSec: 0 }],
      },
    });
    const run = createRun(doc);
    run.runToEnd();
    const series = run.series('a-b')!;
    const timeouts = series.values.timeouts!;
    // Pushed 1 s after the change: calls from 11 s on give up after 20 ms, none before.
    expect(series.atMs.find((_, i) => timeouts[i]! > 0)).toBe(12_000);
    const second = series.atMs.indexOf(13_000);
    expect(series.values.calls![second]).toBeGreaterThan(40);
    expect(timeouts[second]).toBe(series.values.calls![second]);
    expect(series.values.p99Ms![second]).toBeCloseTo(20, 0);
  });
});
