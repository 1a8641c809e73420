import { describe, expect, it } from 'vitest';
import { CAUSE } from '../metrics/failureCause';
import { buildDocument, constant } from '../run/run.testkit';
import type { CallPolicy } from './callPolicy';
import { type Call, EdgeLink } from './edgeLink';
import { NodeStats } from './stats';
import type { InstanceView, NodeRequest, NodeRuntime } from './types';
import { World } from './world';

/** A callee that holds each request until the test answers it. */
class HeldCallee implements NodeRuntime, InstanceView {
  readonly kind = 'service' as const;
  readonly stats = new NodeStats(0);
  readonly instances: InstanceView = this;
  readonly count = 1;
  readonly held: NodeRequest[] = [];

  constructor(
    readonly id: string,
    readonly releasesRequests: boolean,
  ) {}

  handle(req: NodeRequest): void {
    this.held.push(req);
  }
  answer(req: NodeRequest, status = 200): void {
    req.replyTo.onReply(req, status, status < 400 ? CAUSE.none : CAUSE.injectedError);
  }
  isUp(): boolean {
    return true;
  }
  isRoutable(): boolean {
    return true;
  }
  load(): number {
    return 0;
  }
  init(): void {}
  start(): void {}
  accepts(): boolean {
    return true;
  }
  queueDepth(): number {
    return 0;
  }
  inFlight(): number {
    return this.held.length;
  }
  healthyInstances(): number {
    return 1;
  }
  kill(): boolean {
    return false;
  }
  restart(): boolean {
    return false;
  }
  addLatencyMs(): boolean {
    return false;
  }
  setErrorRate(): boolean {
    return false;
  }
}

const plainPolicy: CallPolicy = {
  admit: () => CAUSE.none,
  pickInstance: () => 0,
  onAttempt: () => {},
  onCallEnd: () => {},
  backoffMs: () => 0,
  breakerState: () => 0,
  summary: () => null,
};

/** caller -> callee over one edge with 1 ms each way, the edge configured per test. */
function setUp(opts: { releasesRequests?: boolean; edge?: Record<string, unknown> } = {}) {
  const document = buildDocument({
    nodes: [
      { id: 'caller', kind: 'service' },
      { id: 'callee', kind: 'service' },
    ],
    edges: [{ source: 'caller', target: 'callee', config: { latencyMs: constant(1), ...opts.edge } }],
  });
  const world = new World(document, {
    seed: 1,
    durationMs: 60_000,
    warmupMs: 0,
    traceSampleEvery: 0,
    callPolicyFactory: () => plainPolicy,
  });
  const caller = new HeldCallee('caller', true);
  const callee = new HeldCallee('callee', opts.releasesRequests ?? true);
  const link = new EdgeLink(world, document.edges[0]!, caller, callee, plainPolicy, world.rng('edge'));
  const ended: { status: number; path: string }[] = [];
  /** Starts a call the link may reuse; its outcome lands in `ended` with the path it was made for. */
  const call = (path: string): Call =>
    link.call(
      'GET',
      path,
      {},
      null,
      null,
      -1,
      (_ctx, status, c) => ended.push({ status, path: c.path }),
      null,
      -1,
      true,
    );
  /** Runs until the callee holds `n` requests or nothing is left to run. */
  const untilHeld = (n: number) => {
    while (callee.held.length < n && world.sim.step()) {}
  };
  const runAll = () => world.sim.runUntil(Number.POSITIVE_INFINITY);
  return { world, link, callee, call, ended, untilHeld, runAll };
}

describe('a link reuses the Call of a call that ended on the plain path', () => {
  it('the next call gets the same object, reset to its first state, and ends with its own outcome', () => {
    const t = setUp();
    const first = t.call('/a');
    t.untilHeld(1);
    t.callee.answer(t.callee.held.shift()!, 500);
    t.runAll();
    expect(t.ended).toEqual([{ status: 500, path: '/a' }]);
    const second = t.call('/b');
    expect(second).toBe(first);
    expect(second.settled).toBe(false);
    expect(second.attempts).toBe(1);
    expect(second.lastStatus).toBe(0);
    t.untilHeld(1);
    t.callee.answer(t.callee.held.shift()!, 200);
    t.runAll();
    expect(t.ended[1]).toEqual({ status: 200, path: '/b' });
    expect(t.link.stats.inFlight).toBe(0);
  });

  it('a reused call starts with every field equal to a new call started the same way', () => {
    // No deadline: a call in the deadline queue links to its neighbours, which differ by position.
    const t = setUp({ edge: { timeoutMs: 0, retry: { maxRetries: 1, baseBackoffMs: 0, maxBackoffMs: 0 } } });
    const first = t.call('/a');
    // Two failed attempts leave the call settled, with attempts, statuses and causes of its own.
    for (let n = 0; n < 2; n++) {
      t.untilHeld(1);
      t.callee.answer(t.callee.held.shift()!, 500);
    }
    t.runAll();
    expect(t.ended).toEqual([{ status: 500, path: '/a' }]);
    const headers = { 'x-user': 'u1' };
    const done = () => {};
    const start = () => t.link.call('GET', '/b', headers, null, null, 3, done, 'ctx', -1, true);
    const reused = start();
    const fresh = start();
    expect(reused).toBe(first);
    expect(fresh).not.toBe(reused);
    const fields = (c: Call) =>
      Object.entries(c).map(([key, value]) => [key, value === c ? 'itself' : value] as const);
    expect(fields(reused)).toEqual(fields(fresh));
  });

  it('a call a deadline ended while its callee still works is never reused, and its late answer reaches no other call', () => {
    const t = setUp({ edge: { timeoutMs: 10 } });
    const late = t.call('/slow');
    t.untilHeld(1);
    const heldLate = t.callee.held.shift()!;
    // The deadline passes: the caller sees 504 while the callee keeps the request.
    t.runAll();
    expect(t.ended).toEqual([{ status: 504, path: '/slow' }]);
    const next = t.call('/next');
    expect(next).not.toBe(late);
    t.untilHeld(1);
    // The abandoned request's answer comes now: it must not end the new call.
    t.callee.answer(heldLate, 200);
    t.runAll();
    expect(t.ended).toEqual([
      { status: 504, path: '/slow' },
      { status: 504, path: '/next' },
    ]);
  });

  it('a callee that may keep requests after answering (no releasesRequests) gets a fresh Call each time', () => {
    const t = setUp({ releasesRequests: false });
    const first = t.call('/a');
    t.untilHeld(1);
    t.callee.answer(t.callee.held.shift()!);
    t.runAll();
    expect(t.call('/b')).not.toBe(first);
  });

  it('a callee that retains one request keeps its Call out of reuse', () => {
    const t = setUp();
    const first = t.call('/a');
    t.untilHeld(1);
    const req = t.callee.held.shift()!;
    req.replyTo.retain?.(req);
    t.callee.answer(req);
    t.runAll();
    expect(t.call('/b')).not.toBe(first);
  });

  it('a call sent through message faults is not reused: a copy or a lost reply may still be out', () => {
    const t = setUp();
    t.link.faults.push({ lossRate: 0, duplicateRate: 1, reorderRate: 0 });
    const first = t.call('/a');
    t.untilHeld(2);
    for (const req of t.callee.held.splice(0)) t.callee.answer(req);
    t.runAll();
    expect(t.ended).toEqual([{ status: 200, path: '/a' }]);
    expect(t.call('/b')).not.toBe(first);
  });

  it('a call started without recycle is never reused: its caller may keep it', () => {
    const t = setUp();
    const kept = t.link.call('GET', '/kept', {}, null, null, -1, null, null);
    t.untilHeld(1);
    t.callee.answer(t.callee.held.shift()!);
    t.runAll();
    expect(kept.settled).toBe(true);
    expect(t.call('/b')).not.toBe(kept);
    expect(kept.path).toBe('/kept');
  });
});
