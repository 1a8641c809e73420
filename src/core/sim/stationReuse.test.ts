import { describe, expect, it } from 'vitest';
import { CAUSE } from '../metrics/failureCause';
import { buildDocument, constant } from '../run/run.testkit';
import type { Endpoint } from './endpoints';
import { StationRuntime } from './station';
import type { NodeRequest, Replyable } from './types';
import { World } from './world';

/** A caller that records every answer (with its time) and every retain, per request path. */
class Recorder implements Replyable {
  readonly answers: { path: string; status: number; atMs: number }[] = [];
  readonly retained: string[] = [];
  constructor(private readonly world: World) {}
  onReply(req: NodeRequest, status: number): void {
    this.answers.push({ path: req.path, status, atMs: this.world.sim.now });
  }
  retain(req: NodeRequest): void {
    this.retained.push(req.path);
  }
}

/** One service instance with one slot and 10 ms of work; `/custom` runs a custom step after it. */
function setUp() {
  const document = buildDocument({ nodes: [{ id: 'svc', kind: 'service' }] });
  const world = new World(document, {
    seed: 1,
    durationMs: 60_000,
    warmupMs: 0,
    traceSampleEvery: 0,
    callPolicyFactory: () => {
      throw new Error('no edges here');
    },
  });
  const plain: Endpoint = { name: 'plain', steps: [{ kind: 'work', sample: null }], propagate: false };
  const custom: Endpoint = {
    name: 'custom',
    steps: [
      { kind: 'work', sample: null },
      { kind: 'custom', run: (_req, _span, done) => done(200, CAUSE.none) },
    ],
    propagate: false,
  };
  const station = new StationRuntime(
    world,
    document.nodes[0]!,
    { instances: 1, concurrency: 1, queueCapacity: 10, serviceTimeMs: constant(10), errorRate: 0 },
    () => ({ resolve: (_method, path) => (path === '/custom' ? custom : plain) }),
  );
  station.init();
  const caller = new Recorder(world);
  const send = (path: string) =>
    station.handle({
      method: 'GET',
      path,
      headers: {},
      step: null,
      sourceId: 'caller',
      instance: 0,
      arrivedMs: 0,
      trace: null,
      parentSpanId: -1,
      replyTo: caller,
    });
  return { world, station, caller, send };
}

describe('a station and the requests it answered', () => {
  it('tells the caller it may keep a request only when the endpoint runs a custom step', () => {
    const t = setUp();
    t.send('/plain');
    t.send('/custom');
    t.send('/plain');
    t.world.sim.runUntil(Number.POSITIVE_INFINITY);
    expect(t.caller.retained).toEqual(['/custom']);
    expect(t.caller.answers.map((a) => [a.path, a.status, a.atMs])).toEqual([
      ['/plain', 200, 10],
      ['/custom', 200, 20],
      ['/plain', 200, 30],
    ]);
  });

  it('a request killed mid-work is answered once, and the end of its work reaches no later request', () => {
    const t = setUp();
    t.send('/first');
    t.world.sim.runUntil(5);
    t.station.kill(0);
    t.station.restart(0);
    t.world.sim.runUntil(6);
    t.send('/second');
    t.world.sim.runUntil(Number.POSITIVE_INFINITY);
    // The first request's work would have ended at 10 ms: the second still works its own 10 ms.
    expect(t.caller.answers).toEqual([
      { path: '/first', status: 0, atMs: 5 },
      { path: '/second', status: 200, atMs: 16 },
    ]);
  });

  it('requests that arrive after earlier ones ended each run their own steps from the start', () => {
    const t = setUp();
    for (const path of ['/plain', '/plain', '/custom', '/plain']) {
      t.send(path);
      t.world.sim.runUntil(Number.POSITIVE_INFINITY);
    }
    expect(t.caller.answers.map((a) => `${a.path}@${a.atMs}`)).toEqual([
      '/plain@10',
      '/plain@20',
      '/custom@30',
      '/plain@40',
    ]);
  });
});
