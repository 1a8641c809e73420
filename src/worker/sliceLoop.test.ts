import { describe, expect, it } from 'vitest';
import {
  type Advanceable,
  EASE_IN_MS,
  EVENTS_PER_CHUNK,
  type LoopClock,
  SLICE_BUDGET_MS,
  SliceLoop,
} from './sliceLoop';
import { SPEED_GRACE_MS, SPEED_WINDOW_MS } from './speedMeter';

/** A fake wall clock: time moves only when the fake run spends it or a sleep elapses. */
class FakeClock implements LoopClock {
  wallMs = 0;
  /** Wall time at which the task that ran last started (after any sleep before it). */
  taskStartMs = 0;
  queue: { atMs: number; fn: () => void }[] = [];
  nowMs(): number {
    return this.wallMs;
  }
  yieldThen(fn: () => void): void {
    // Handing the thread back costs a little wall time, as it does in a browser.
    this.queue.push({ atMs: this.wallMs + 0.01, fn });
  }
  sleepThen(fn: () => void, delayMs: number): void {
    this.queue.push({ atMs: this.wallMs + delayMs, fn });
  }
  /** Runs queued tasks in time order; returns how many slices ran. */
  drain(maxTasks: number, between?: () => void): number {
    let ran = 0;
    while (this.queue.length > 0 && ran < maxTasks) {
      this.queue.sort((a, b) => a.atMs - b.atMs);
      const task = this.queue.shift()!;
      this.wallMs = Math.max(this.wallMs, task.atMs);
      this.taskStartMs = this.wallMs;
      task.fn();
      ran++;
      between?.();
    }
    return ran;
  }
}

/** A run whose events cost `wallPerEvent` ms of wall time and are `simPerEvent` ms of virtual time apart. */
class FakeRun implements Advanceable {
  nowMs = 0;
  done = false;
  constructor(
    private readonly clock: FakeClock,
    private readonly simPerEvent: number,
    /** Wall ms each event costs; a test changes it to make the model heavier or lighter mid-run. */
    public wallPerEvent: number,
    private readonly durationMs: number,
  ) {}
  advance(untilMs: number, maxEvents: number): { events: number } {
    const limit = Math.min(untilMs, this.durationMs);
    const events = Math.max(0, Math.min(maxEvents, Math.floor((limit - this.nowMs) / this.simPerEvent)));
    this.nowMs += events * this.simPerEvent;
    if (events < maxEvents && untilMs >= this.durationMs) this.nowMs = this.durationMs;
    this.done = this.nowMs >= this.durationMs;
    this.clock.wallMs += events * this.wallPerEvent;
    return { events };
  }
}

describe('SliceLoop', () => {
  it('keeps each slice within the wall-clock budget (plus at most one chunk) at max speed', () => {
    const clock = new FakeClock();
    const run = new FakeRun(clock, 0.01, 0.001, 1e9);
    const loop = new SliceLoop(() => run, clock, { onFrame: () => {}, onDone: () => {} });
    loop.start();
    const chunkMs = EVENTS_PER_CHUNK * 0.001;
    clock.drain(50, () => {
      expect(clock.wallMs - clock.taskStartMs).toBeLessThanOrEqual(SLICE_BUDGET_MS + chunkMs);
    });
    expect(run.nowMs).toBeGreaterThan(0);
  });

  it('eases in at max speed: about half the wall time in the first second of a run, all of it after', () => {
    const clock = new FakeClock();
    // Each event costs 0.01 ms of wall time and moves simulated time 1 ms: engine time = sim time / 100.
    const run = new FakeRun(clock, 1, 0.01, 1e12);
    const loop = new SliceLoop(() => run, clock, { onFrame: () => {}, onDone: () => {} });
    const runUntil = (wallMs: number) => {
      for (;;) {
        clock.queue.sort((x, y) => x.atMs - y.atMs);
        const next = clock.queue[0];
        if (!next || next.atMs >= wallMs) return;
        clock.drain(1);
      }
    };
    const engineShare = (untilMs: number) => {
      const wall0 = clock.wallMs;
      const sim0 = run.nowMs;
      runUntil(untilMs);
      return (run.nowMs - sim0) / 100 / (clock.wallMs - wall0);
    };
    loop.start();
    const first = engineShare(EASE_IN_MS);
    expect(first).toBeGreaterThan(0.4);
    expect(first).toBeLessThan(0.6);
    expect(engineShare(3 * EASE_IN_MS)).toBeGreaterThan(0.95);
    // A resume eases in again.
    loop.stop();
    loop.start();
    const resumed = engineShare(clock.wallMs + EASE_IN_MS);
    expect(resumed).toBeLessThan(0.6);
  });

  it('follows the wall clock at 1x and at 10x', () => {
    for (const speed of [1, 10] as const) {
      const clock = new FakeClock();
      const run = new FakeRun(clock, 1, 0.0001, 1e9);
      const loop = new SliceLoop(() => run, clock, { onFrame: () => {}, onDone: () => {} });
      loop.setSpeed(speed);
      loop.start();
      clock.drain(2000);
      expect(run.nowMs / clock.wallMs).toBeGreaterThan(speed * 0.9);
      expect(run.nowMs / clock.wallMs).toBeLessThanOrEqual(speed * 1.01);
    }
  });

  it('warns when a model floods the engine and still yields between slices', () => {
    const clock = new FakeClock();
    // 10^7 events per virtual second at 2 µs of wall each: 0.05 ms of virtual time per wall ms.
    const run = new FakeRun(clock, 0.0001, 0.002, 1e9);
    const warnings: (string | null)[] = [];
    const loop = new SliceLoop(() => run, clock, {
      onFrame: (f) => warnings.push(f.warning),
      onDone: () => {},
    });
    loop.start();
    const slices = clock.drain(200);
    expect(slices).toBe(200);
    expect(warnings.some((w) => w?.includes('floods the engine'))).toBe(true);
    loop.stop();
    expect(clock.drain(10)).toBeLessThanOrEqual(1);
  });

  it('pushes frames at most every 125 ms and a last one when the run ends', () => {
    const clock = new FakeClock();
    const run = new FakeRun(clock, 0.01, 0.001, 5000);
    const frameTimes: number[] = [];
    let done = 0;
    const loop = new SliceLoop(() => run, clock, {
      onFrame: () => frameTimes.push(clock.wallMs),
      onDone: () => done++,
    });
    loop.start();
    clock.drain(10_000);
    expect(run.done).toBe(true);
    expect(done).toBe(1);
    for (let i = 1; i < frameTimes.length - 1; i++) {
      expect(frameTimes[i]! - frameTimes[i - 1]!).toBeGreaterThanOrEqual(125);
    }
    expect(loop.isRunning).toBe(false);
  });

  /** Runs queued tasks until the fake wall clock reaches `wallMs`. */
  function runUntil(clock: FakeClock, wallMs: number): void {
    for (;;) {
      clock.queue.sort((x, y) => x.atMs - y.atMs);
      const next = clock.queue[0];
      if (!next || next.atMs >= wallMs) return;
      clock.drain(1);
    }
  }

  /** Simulated ms between two events of the fake model. */
  const SIM_PER_EVENT = 0.01;
  /** Wall ms per event of a model that can sustain `speed` times real time flat out. */
  const costFor = (speed: number) => SIM_PER_EVENT / speed;

  /** A run at `speed` of a model that sustains `sustained` times real time, and its warnings. */
  function realTimeRun(speed: 1 | 10 | 100, sustained: number) {
    const clock = new FakeClock();
    const run = new FakeRun(clock, SIM_PER_EVENT, costFor(sustained), 1e12);
    const warnings: { atMs: number; warning: string | null }[] = [];
    const loop = new SliceLoop(() => run, clock, {
      onFrame: (f) => warnings.push({ atMs: clock.wallMs, warning: f.warning }),
      onDone: () => {},
    });
    loop.setSpeed(speed);
    loop.start();
    const last = () => warnings.at(-1)?.warning ?? null;
    return { clock, run, loop, warnings, last };
  }

  it('says nothing of a start-up stall at 10x when the model then keeps up', () => {
    // For the first 2.4 s the model holds only 1x (the page's start-up work on a busy machine), then 100x.
    const r = realTimeRun(10, 1);
    runUntil(r.clock, 2400);
    r.run.wallPerEvent = costFor(100);
    runUntil(r.clock, SPEED_GRACE_MS + 3 * SPEED_WINDOW_MS);
    expect(r.warnings.filter((w) => w.warning !== null)).toEqual([]);
    expect(r.run.nowMs / r.clock.wallMs).toBeGreaterThan(8);
  });

  it('warns at 10x with the speed achieved and the preset that keeps up, only after a whole window', () => {
    const r = realTimeRun(10, 4);
    runUntil(r.clock, SPEED_GRACE_MS + SPEED_WINDOW_MS - 200);
    expect(r.warnings.filter((w) => w.warning !== null)).toEqual([]);
    runUntil(r.clock, SPEED_GRACE_MS + SPEED_WINDOW_MS + 500);
    expect(r.last()).toMatch(
      /^Running at [34]\.\dx real time, slower than 10x: the model is heavy for this machine; 1x keeps up\.$/,
    );
    const figure = Number(r.last()!.match(/^Running at ([\d.]+)x/)![1]);
    expect(figure).toBeGreaterThan(3.5);
    expect(figure).toBeLessThanOrEqual(4);
  });

  it('names 10x as the speed that keeps up when 100x lags at about 37x', () => {
    const r = realTimeRun(100, 37);
    runUntil(r.clock, SPEED_GRACE_MS + SPEED_WINDOW_MS + 500);
    expect(r.last()).toMatch(/^Running at 3\dx real time, slower than 100x: .*; 10x keeps up\.$/);
  });

  it('says to lower the load when even 1x lags', () => {
    const r = realTimeRun(1, 0.5);
    runUntil(r.clock, SPEED_GRACE_MS + SPEED_WINDOW_MS + 500);
    expect(r.last()).toMatch(/^Running at 0\.\dx real time, slower than 1x: .*lower the load/);
  });

  it('clears the warning once the model keeps up again, and on a change of speed', () => {
    const r = realTimeRun(10, 4);
    runUntil(r.clock, SPEED_GRACE_MS + SPEED_WINDOW_MS + 500);
    expect(r.last()).not.toBeNull();
    r.run.wallPerEvent = costFor(100);
    runUntil(r.clock, r.clock.wallMs + SPEED_WINDOW_MS + 500);
    expect(r.last()).toBeNull();
    r.run.wallPerEvent = costFor(4);
    runUntil(r.clock, r.clock.wallMs + SPEED_WINDOW_MS + 500);
    expect(r.last()).not.toBeNull();
    r.loop.setSpeed(1);
    runUntil(r.clock, r.clock.wallMs + 500);
    expect(r.last()).toBeNull();
  });
});
