import { describe, expect, it } from 'vitest';
import { observeRun } from '../experiments/slo';
import { createRun } from './createRun';
import { buildDocument, constant } from './run.testkit';

/** A client far faster than the one slow instance it calls, whose queue has no practical end. */
const pileUp = buildDocument({
  nodes: [
    { id: 'web', kind: 'client', config: { workload: { kind: 'open', ratePerSec: 2000 } } },
    {
      id: 'slow',
      kind: 'service',
      config: { instances: 1, concurrency: 1, queueCapacity: 100_000, serviceTimeMs: constant(50) },
    },
  ],
  edges: [{ source: 'web', target: 'slow', config: { timeoutMs: 0 } }],
  scenario: { durationSec: 600 },
});

/** A healthy client and service: a few events a request, nothing piles up. */
const healthy = buildDocument({
  nodes: [
    { id: 'web', kind: 'client', config: { workload: { kind: 'open', ratePerSec: 50 } } },
    { id: 'api', kind: 'service' },
  ],
  edges: [{ source: 'web', target: 'api' }],
  scenario: { durationSec: 10 },
});

describe('run limits', () => {
  it('stops when the requests held across the model pass the in-flight limit, naming the node that filled up', () => {
    const run = createRun(pileUp, { limits: { maxInFlight: 1000 } });
    const end = run.runToEnd();
    expect(end.done).toBe(true);
    const stop = run.stopped!;
    expect(stop).toMatchObject({ limit: 'inFlight', max: 1000, nodeId: 'slow' });
    expect(stop.observed).toBeGreaterThan(1000);
    expect(stop.atMs).toBe(run.nowMs);
    expect(stop.atMs).toBeLessThan(run.durationMs);
    expect(stop.message).toContain('slow (nodes[1], id "slow")');
    expect(stop.message).toMatch(/^Stopped at [\d.]+ s of simulated time: /);
  });

  it('runs no further event once stopped, and its summary is the partial run marked as stopped', () => {
    const run = createRun(pileUp, { limits: { maxInFlight: 1000 } });
    run.runToEnd();
    const events = run.events;
    expect(run.advance(run.durationMs).events).toBe(0);
    expect(run.step().events).toBe(0);
    expect(run.events).toBe(events);
    const summary = run.summary();
    expect(summary.stopped).toEqual(run.stopped);
    expect(summary.simulatedSec).toBeLessThan(summary.durationSec);
    expect(summary.invariants.ok).toBe(true);
  });

  it('a run within every limit has no stop and no stopped field in its summary', () => {
    const run = createRun(healthy);
    run.runToEnd();
    expect(run.stopped).toBeNull();
    expect('stopped' in run.summary()).toBe(false);
  });

  it('stops when one more event would pass the event limit, and not when the run needs exactly that many', () => {
    const full = createRun(healthy);
    full.runToEnd();
    const exact = createRun(healthy, { limits: { maxEvents: full.events } });
    exact.runToEnd();
    expect(exact.stopped).toBeNull();
    const short = createRun(healthy, { limits: { maxEvents: full.events - 1 } });
    short.runToEnd();
    expect(short.events).toBe(full.events - 1);
    expect(short.stopped).toMatchObject({ limit: 'events', max: full.events - 1, nodeId: 'web' });
  });

  it('the event limit holds in slices too: the worker advances in small budgets', () => {
    const run = createRun(healthy, { limits: { maxEvents: 500 } });
    while (!run.done) run.advance(Number.POSITIVE_INFINITY, 37);
    expect(run.events).toBe(500);
    expect(run.stopped?.limit).toBe('events');
  });

  it('stops a loop of zero-duration events at one instant and names the node it loops through', () => {
    const loop = buildDocument({
      nodes: [
        {
          id: 'users',
          kind: 'client',
          config: { workload: { kind: 'closed', users: 5, thinkTimeMs: constant(0) } },
        },
        { id: 'echo', kind: 'service', config: { serviceTimeMs: constant(0) } },
      ],
      edges: [{ source: 'users', target: 'echo', config: { latencyMs: constant(0) } }],
    });
    const run = createRun(loop, { limits: { maxEventsAtOneInstant: 50_000 } });
    run.runToEnd();
    expect(run.stopped).toMatchObject({ limit: 'clock', atMs: 0, nodeId: 'echo' });
    expect(run.stopped!.message).toContain('without the clock advancing');
  });

  it('a burst at one instant below the limit is not a stuck clock', () => {
    const burst = buildDocument({
      nodes: [
        {
          id: 'users',
          kind: 'client',
          config: { workload: { kind: 'closed', users: 20_000, thinkTimeMs: constant(1000) } },
        },
        { id: 'api', kind: 'service', config: { instances: 100, concurrency: 100, queueCapacity: 1000 } },
      ],
      edges: [{ source: 'users', target: 'api' }],
      scenario: { durationSec: 3 },
    });
    const run = createRun(burst);
    run.runToEnd();
    expect(run.stopped).toBeNull();
  });

  it('stops when the memory estimate passes the budget, naming the store that keeps the most', () => {
    const logs = buildDocument({
      nodes: [
        { id: 'web', kind: 'client', config: { workload: { kind: 'open', ratePerSec: 5000 } } },
        {
          id: 'api',
          kind: 'service',
          config: {
            instances: 4,
            serviceTimeMs: constant(1),
            endpoints: [{ path: '/', steps: [{ kind: 'log', target: 'router' }] }],
          },
        },
        { id: 'router', kind: 'logRouter' },
        { id: 'store', kind: 'logStore', config: { capacity: 1_000_000, retentionSec: 0 } },
      ],
      edges: [
        { source: 'web', target: 'api' },
        { source: 'api', target: 'router', kind: 'log' },
        { source: 'router', target: 'store', kind: 'log' },
      ],
      scenario: { durationSec: 600 },
    });
    const run = createRun(logs, { limits: { maxMemoryMb: 2 } });
    run.runToEnd();
    expect(run.stopped).toMatchObject({ limit: 'memory', max: 2, nodeId: 'store' });
    expect(run.stopped!.observed).toBeGreaterThan(2);
  });

  it('a model whose up-front structures alone pass the budget is not built and stops at 0 ms', () => {
    const run = createRun(pileUp, { limits: { maxMemoryMb: 0.1 } });
    expect(run.stopped).toMatchObject({ limit: 'memory', atMs: 0 });
    expect(run.stopped!.message).toContain('before the first event');
    expect(run.runToEnd().events).toBe(0);
    expect(run.summary().nodes).toEqual({});
  });

  it('the same document and seed stop at the same event with the same message', () => {
    const a = createRun(pileUp, { limits: { maxInFlight: 5000 } });
    const b = createRun(pileUp, { limits: { maxInFlight: 5000 } });
    a.runToEnd();
    while (!b.done) b.advance(Number.POSITIVE_INFINITY, 1000);
    expect(b.events).toBe(a.events);
    expect(b.stopped).toEqual(a.stopped);
  });

  it('a host limit stops the run like any other, once', () => {
    const run = createRun(healthy);
    run.advance(2000);
    run.stopBy({ limit: 'wallTime', max: 60, observed: 61 });
    run.stopBy({ limit: 'wallTime', max: 60, observed: 99 });
    expect(run.done).toBe(true);
    expect(run.stopped).toMatchObject({ limit: 'wallTime', max: 60, observed: 61, atMs: 2000 });
    expect(run.stopped!.message).toContain('wall-clock');
  });

  it("a stopped run's SLOs all fail, each observed up to the stop", () => {
    const withSlo = { ...pileUp, scenario: { ...pileUp.scenario, slos: [sloOf('errorRate', '<=', 1)] } };
    const { summary, slos } = observeRun(createRun(withSlo, { limits: { maxInFlight: 1000 } }), withSlo);
    expect(summary.stopped?.limit).toBe('inFlight');
    expect(slos).toEqual([{ id: 'errors', ok: false, observed: 0, op: '<=', value: 1 }]);
  });
});

function sloOf(metric: 'errorRate', op: '<=', value: number) {
  return { id: 'errors', name: '', target: 'system', metric, op, value };
}
