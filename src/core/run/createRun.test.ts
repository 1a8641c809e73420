import { describe, expect, it } from 'vitest';
import ecommerce from '../../../public/examples/ecommerce.json';
import flow from '../../../public/examples/microservices-flow.json';
import { documentSchema } from '../model/schema';
import { EDGE_STRIDE, NODE_COL, NODE_STRIDE } from '../sim/columns';
import { createRun } from './createRun';
import { buildDocument, constant } from './run.testkit';

const doc = documentSchema.parse(flow);

describe('Run API', () => {
  it('advance stops at the time bound or the event budget, and done only at the duration', () => {
    const run = createRun(doc, { durationSec: 5 });
    const a = run.advance(1000, 10);
    expect(a.events).toBe(10);
    expect(a.nowMs).toBeLessThan(1000);
    const b = run.advance(1000);
    expect(b.nowMs).toBe(1000);
    expect(b.done).toBe(false);
    const end = run.advance(Number.POSITIVE_INFINITY);
    expect(end).toMatchObject({ nowMs: 5000, done: true });
    expect(run.advance(10_000).events).toBe(0);
  });

  it('step executes exactly one event', () => {
    const run = createRun(doc);
    const before = run.events;
    expect(run.step().events).toBe(1);
    expect(run.events).toBe(before + 1);
  });

  it('a snapshot holds one stride of numbers per node and edge in layout order, and only new log entries', () => {
    const run = createRun(doc, { durationSec: 45 });
    const layout = run.layout();
    expect(layout.nodeIds).toEqual(doc.nodes.map((n) => n.id));
    run.advance(10_000);
    const frame = run.snapshot();
    expect(frame.nodeStats.length).toBe(layout.nodeIds.length * NODE_STRIDE);
    expect(frame.edgeStats.length).toBe(layout.edgeIds.length * EDGE_STRIDE);
    const web = layout.nodeIds.indexOf('web') * NODE_STRIDE;
    // About 150 requests per second leave the client.
    expect(frame.nodeStats[web + NODE_COL.throughputPerSec]).toBeGreaterThan(100);
    const order = layout.nodeIds.indexOf('order') * NODE_STRIDE;
    expect(frame.nodeStats[order + NODE_COL.instances]).toBe(3);
    expect(frame.totals.total).toBe(frame.totals.ok + frame.totals.failed + frame.totals.inFlight);
    run.advance(41_000);
    const next = run.snapshot();
    expect(next.log.some((e) => e.message.includes('killed'))).toBe(true);
    expect(next.log[0]!.seq).toBeGreaterThan(frame.log.at(-1)?.seq ?? 0);
    expect(run.snapshot().log).toEqual([]);
  });

  it('snapshots carry a burst of log entries over several frames in order, and the last one carries the rest', () => {
    const run = createRun(documentSchema.parse(ecommerce));
    run.runToEnd();
    const all = run.log(0);
    expect(all.length).toBeGreaterThan(400);
    const got = [...run.snapshot().log, ...run.snapshot().log];
    expect(got.length).toBe(400);
    const rest = run.snapshot(true).log;
    expect([...got, ...rest].map((e) => e.seq)).toEqual(all.map((e) => e.seq));
    expect(run.snapshot(true).log).toEqual([]);
  });

  it('samples traces as span trees: client root, call attempts, server spans, nested calls', () => {
    const run = createRun(doc, { durationSec: 10, traceSampleEvery: 10 });
    run.runToEnd();
    const traces = run.traces();
    expect(traces.length).toBeGreaterThan(50);
    const deep = traces.find((t) => t.spans.some((s) => s.nodeId === 'fraud'))!;
    expect(deep).toBeDefined();
    const byId = new Map(deep.spans.map((s) => [s.spanId, s]));
    // Walk from the fraud server span to the root: fraud <- payment->fraud attempt <- payment ... <- web.
    let span = deep.spans.find((s) => s.nodeId === 'fraud')!;
    const path = [span.nodeId];
    while (span.parentId !== null) {
      span = byId.get(span.parentId)!;
      path.push(span.edgeId ? `${span.edgeId}` : span.nodeId);
    }
    expect(path).toEqual([
      'fraud',
      'payment-fraud',
      'payment',
      'order-payment',
      'order',
      'gateway-order',
      'gateway',
      'web-gateway',
      'web',
    ]);
    for (const s of deep.spans) if (s.endMs !== null) expect(s.endMs).toBeGreaterThanOrEqual(s.startMs);
  });

  it('a client picks among several edges the one whose target serves the path', () => {
    const d = buildDocument({
      nodes: [
        {
          id: 'c',
          kind: 'client',
          config: {
            workload: { kind: 'open', arrival: 'constant', ratePerSec: 10 },
            requestMix: [{ path: '/a' }, { path: '/b' }],
          },
        },
        { id: 'A', kind: 'service', config: { endpoints: [{ path: '/a' }] } },
        { id: 'B', kind: 'service', config: { endpoints: [{ path: '/b' }] } },
      ],
      edges: [
        { source: 'c', target: 'A', config: { latencyMs: constant(0) } },
        { source: 'c', target: 'B', config: { latencyMs: constant(0) } },
      ],
      scenario: { durationSec: 20 },
    });
    const run = createRun(d);
    run.runToEnd();
    const s = run.summary();
    expect(s.nodes.A!.failed + s.nodes.B!.failed).toBe(0);
    expect(s.nodes.A!.arrived).toBeGreaterThan(50);
    expect(s.nodes.B!.arrived).toBeGreaterThan(50);
  });

  it('a closed workload keeps at most its users in flight and follows user changes', () => {
    const d = buildDocument({
      nodes: [
        {
          id: 'c',
          kind: 'client',
          config: { workload: { kind: 'closed', users: 5, thinkTimeMs: constant(100) } },
        },
        { id: 's', kind: 'service', config: { serviceTimeMs: constant(100), concurrency: 100 } },
      ],
      edges: [{ source: 'c', target: 's', config: { latencyMs: constant(0) } }],
      scenario: { durationSec: 20, workloadChanges: [{ atSec: 10, nodeId: 'c', users: 20, rampSec: 0 }] },
    });
    const run = createRun(d);
    run.runToEnd();
    const throughput = run.series('s')!.values.throughput!;
    // Each user completes a cycle every 200 ms: 5 users = 25/s, 20 users = 100/s.
    expect(throughput[5]).toBeCloseTo(25, -1);
    expect(throughput[15]).toBeCloseTo(100, -1);
    expect(Math.max(...run.series('c')!.values.inFlight!)).toBeLessThanOrEqual(20);
  });

  it('an open workload ramps its rate linearly', () => {
    const d = buildDocument({
      nodes: [
        {
          id: 'c',
          kind: 'client',
          config: { workload: { kind: 'open', arrival: 'constant', ratePerSec: 100 } },
        },
        { id: 's', kind: 'service', config: { serviceTimeMs: constant(1), concurrency: 100 } },
      ],
      edges: [{ source: 'c', target: 's', config: { latencyMs: constant(0) } }],
      scenario: {
        durationSec: 30,
        workloadChanges: [{ atSec: 10, nodeId: 'c', ratePerSec: 300, rampSec: 10 }],
      },
    });
    const run = createRun(d);
    run.runToEnd();
    const total = run.summary().nodes.c!.arrived;
    // 10 s at 100 + 10 s ramp averaging 200 + 10 s at 300.
    expect(total).toBeGreaterThan(5990);
    expect(total).toBeLessThan(6010);
  });
});
