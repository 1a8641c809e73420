import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';

/** A service with an access log at 100 requests/s, its router, a processor and two stores. */
function pipeline(processor: Record<string, unknown>, faults: unknown[] = [], durationSec = 90) {
  return buildDocument({
    nodes: [
      { id: 'web', kind: 'client', config: { workload: { kind: 'open', ratePerSec: 100 } } },
      {
        id: 'api',
        kind: 'service',
        config: { instances: 2, serviceTimeMs: constant(5), accessLog: { target: 'router' } },
      },
      { id: 'router', kind: 'logRouter' },
      { id: 'proc', kind: 'logProcessor', config: processor },
      { id: 'hot', kind: 'logStore' },
      { id: 'cold', kind: 'logStore' },
    ],
    edges: [
      { source: 'web', target: 'api' },
      { source: 'api', target: 'router', kind: 'log' },
      { source: 'router', target: 'proc', kind: 'log' },
      { source: 'proc', target: 'hot', kind: 'log' },
      { source: 'proc', target: 'cold', kind: 'log' },
    ],
    scenario: { durationSec, seed: 3, faults },
  });
}

const errorBurst = { kind: 'errorRate', atSec: 30, nodeId: 'api', errorRate: 0.5, durationSec: 20 };
const errorsOver10s = { id: 'errors', where: "level == 'error'", op: '>', threshold: 100, windowSec: 10 };

describe('log processor', () => {
  it('fires an alert within one window of a fault that raises error logs, and resolves it after', () => {
    const run = createRun(pipeline({ alerts: [errorsOver10s] }, [errorBurst]), { traceSampleEvery: 0 });
    run.runToEnd();
    const s = run.summary();
    expect(s.alerts).toHaveLength(1);
    const a = s.alerts![0]!;
    expect(a).toMatchObject({ rule: 'errors', node: 'proc' });
    expect(a.firedAtMs).toBeGreaterThan(30_000);
    expect(a.firedAtMs).toBeLessThanOrEqual(40_000);
    expect(a.resolvedAtMs).toBeGreaterThan(50_000);
    expect(a.resolvedAtMs).toBeLessThanOrEqual(61_000);
    const fired = run.log().filter((e) => e.type === 'alert');
    expect(fired.map((e) => e.message.split(':')[0])).toEqual([
      'alert errors fired',
      'alert errors resolved',
    ]);
    expect(s.invariants.ok).toBe(true);
  });

  it('does not fire when the errors stay under the threshold, and reports no firing', () => {
    const run = createRun(pipeline({ alerts: [errorsOver10s] }), { traceSampleEvery: 0 });
    run.runToEnd();
    expect(run.summary().alerts).toEqual([]);
  });

  it('parses fields with patterns, enriches, filters and counts every entry by level and service', () => {
    const run = createRun(
      pipeline(
        {
          patterns: [{ pattern: 'status=(?P<status>\\d+) latency_ms=(?P<latency>[0-9.]+)' }],
          enrich: [{ field: 'failed', value: 'status >= 500' }],
          filter: 'failed',
          windowSec: 10,
        },
        [errorBurst],
      ),
      { traceSampleEvery: 0 },
    );
    run.runToEnd();
    const p = entryOf(run.summary(), 'proc', 'logProcessor').logProcessor;
    expect(p.received).toBeGreaterThan(8000);
    expect(p.parsed).toBe(p.received);
    expect(p.metrics.byLevel.error + p.metrics.byLevel.info).toBe(p.received);
    expect(p.metrics.byService.api!.error).toBe(p.metrics.byLevel.error);
    // Only failed requests are kept, so what is forwarded is the error entries.
    expect(p.forwarded).toBe(p.metrics.byLevel.error);
    expect(p.filteredOut).toBe(p.metrics.byLevel.info);
    // A 10 s window inside the burst (50 % of 100 requests/s fail) holds about 500 errors.
    expect(p.metrics.peakPerWindow.error).toBeGreaterThan(400);
    expect(p.metrics.peakPerWindow.error).toBeLessThan(600);
    const stored = run.queryLogs({ startMs: 0, endMs: 90_000, limit: 5 });
    expect(stored[0]!.fields).toMatchObject({ status: '500', failed: true });
  });

  it('logs every answer of an event-loop service, and a slow-entry alert fires while a gray failure slows one instance', () => {
    const grayFailure = {
      kind: 'grayFailure',
      atSec: 30,
      nodeId: 'api',
      instance: 0,
      share: 0.5,
      factor: 50,
      durationSec: 20,
    };
    const slow = { id: 'slow', where: 'latency > 100', op: '>', threshold: 50, windowSec: 10 };
    const doc = pipeline({ patterns: [{ pattern: 'latency_ms=(?P<latency>[0-9.]+)' }], alerts: [slow] }, [
      grayFailure,
    ]);
    const api = doc.nodes.find((n) => n.id === 'api')!;
    if (api.kind === 'service') api.config.ioModel = 'eventLoop';
    const run = createRun(doc, { traceSampleEvery: 0 });
    run.runToEnd();
    const s = run.summary();
    const answered = entryOf(s, 'api', 'service');
    const p = entryOf(s, 'proc', 'logProcessor').logProcessor;
    expect(p.received).toBeGreaterThan(0.99 * (answered.completed + answered.failed));
    expect(p.received).toBeLessThanOrEqual(answered.completed + answered.failed);
    expect(s.alerts).toHaveLength(1);
    const a = s.alerts![0]!;
    expect(a.firedAtMs).toBeGreaterThan(30_000);
    expect(a.firedAtMs).toBeLessThanOrEqual(40_000);
    expect(a.resolvedAtMs).toBeGreaterThan(50_000);
    expect(a.resolvedAtMs).toBeLessThanOrEqual(61_000);
  });

  it('samples kept entries at the sample rate', () => {
    const run = createRun(pipeline({ sampleRate: 0.25 }), { traceSampleEvery: 0 });
    run.runToEnd();
    const p = entryOf(run.summary(), 'proc', 'logProcessor').logProcessor;
    expect(p.forwarded / p.received).toBeGreaterThan(0.22);
    expect(p.forwarded / p.received).toBeLessThan(0.28);
    expect(p.forwarded + p.sampledOut).toBe(p.received);
  });

  it('drops entries past a full queue and counts them', () => {
    // 100 entries/s against 50/s of capacity: the 10-entry queue overflows.
    const run = createRun(pipeline({ processingMs: constant(20), queueCapacity: 10 }, [], 20), {
      traceSampleEvery: 0,
    });
    run.runToEnd();
    const p = entryOf(run.summary(), 'proc', 'logProcessor').logProcessor;
    expect(p.dropped).toBeGreaterThan(800);
    expect(p.received).toBe(p.dropped + p.forwarded + p.queued + 1);
  });
});
