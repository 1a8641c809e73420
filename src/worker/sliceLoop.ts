import type { Speed } from './protocol';
import { SpeedMeter } from './speedMeter';

/** How the slice loop reads wall time and yields to the event loop; injected so tests can drive it. */
export interface LoopClock {
  nowMs(): number;
  /** Runs `fn` soon, after pending messages (commands) have been handled. */
  yieldThen(fn: () => void): void;
  /** Runs `fn` after `delayMs` of wall time. */
  sleepThen(fn: () => void, delayMs: number): void;
}

/** The engine-facing side of the loop: advance virtual time within an event budget. */
export interface Advanceable {
  readonly nowMs: number;
  readonly done: boolean;
  advance(untilMs: number, maxEvents: number): { events: number };
}

/** Wall-clock budget of one slice: small enough that commands are handled within a frame. */
export const SLICE_BUDGET_MS = 12;
/**
 * At max speed the loop eases in: for the first second of a run (or of a resume) it rests after
 * each slice as long as the slice ran, using half a core. That second is when the page does its
 * one-off work (the first frames make every card and link live, the first chart draws) and the
 * browser compiles the hot code of both threads; on a two-core machine without a GPU a flat-out
 * engine then starves them into long tasks. The cost is half a second of simulation per start.
 */
export const EASE_IN_MS = 1000;
/** Engine events between two wall-clock checks inside a slice. */
export const EVENTS_PER_CHUNK = 4096;
/** Frames are pushed at most this often (8 Hz). */
const FRAME_INTERVAL_MS = 125;
/** At real-time speeds, a run this far behind its target (wall ms) stops trying to catch up. */
const MAX_BACKLOG_MS = 2000;

export interface SliceLoopHooks {
  /** Called at most every FRAME_INTERVAL_MS while running, and once when the loop stops. */
  onFrame(info: { eventsPerSec: number; warning: string | null }): void;
  onDone(): void;
}

/**
 * Drives a run in slices of a few milliseconds so the worker stays responsive: each slice advances
 * virtual time towards a target (wall time x speed, or as far as the budget allows at max speed),
 * checks the wall clock every chunk of events, then yields so queued commands run.
 */
export class SliceLoop {
  private running = false;
  private speed: Speed = 'max';
  private anchorWallMs = 0;
  private anchorSimMs = 0;
  private lastFrameWallMs = 0;
  private windowEvents = 0;
  private windowStartMs = 0;
  private windowStartSimMs = 0;
  private token = 0;
  private warning: string | null = null;
  private startedWallMs = 0;
  private readonly speedMeter = new SpeedMeter();

  constructor(
    private readonly run: () => Advanceable | null,
    private readonly clock: LoopClock,
    private readonly hooks: SliceLoopHooks,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    const run = this.run();
    if (this.running || !run || run.done) return;
    this.running = true;
    this.reanchor(run);
    this.lastFrameWallMs = this.clock.nowMs();
    this.startedWallMs = this.lastFrameWallMs;
    this.speedMeter.reset(this.lastFrameWallMs);
    this.windowStartMs = this.lastFrameWallMs;
    this.windowStartSimMs = run.nowMs;
    this.windowEvents = 0;
    const token = ++this.token;
    this.clock.yieldThen(() => this.slice(token));
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.token++;
    this.hooks.onFrame({ eventsPerSec: this.eventsPerSec(), warning: this.warning });
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.warning = null;
    this.speedMeter.reset(this.clock.nowMs());
    const run = this.run();
    if (run) this.reanchor(run);
  }

  private reanchor(run: Advanceable): void {
    this.anchorWallMs = this.clock.nowMs();
    this.anchorSimMs = run.nowMs;
  }

  private slice(token: number): void {
    if (token !== this.token || !this.running) return;
    const run = this.run();
    if (!run) return;
    const start = this.clock.nowMs();
    const target =
      this.speed === 'max'
        ? Number.POSITIVE_INFINITY
        : this.anchorSimMs + (start - this.anchorWallMs) * this.speed;
    let now = start;
    do {
      const { events } = run.advance(target, EVENTS_PER_CHUNK);
      this.windowEvents += events;
      now = this.clock.nowMs();
      if (events < EVENTS_PER_CHUNK) break;
    } while (now - start < SLICE_BUDGET_MS && !run.done);

    if (this.speed === 'max') {
      const wallMs = now - this.windowStartMs;
      const simRate = wallMs > 0 ? (run.nowMs - this.windowStartSimMs) / wallMs : 1;
      // Slower than a tenth of real time even flat out: the model floods the engine.
      this.warning =
        wallMs >= FRAME_INTERVAL_MS && simRate < 0.1 && !run.done
          ? `The model floods the engine: ${Math.round(this.eventsPerSec()).toLocaleString('en-US')} events/s give only ${simRate.toFixed(3)}x real time. Lower the request rate or shorten the run.`
          : wallMs >= FRAME_INTERVAL_MS
            ? null
            : this.warning;
    } else {
      // Warn only when the speed achieved over a window, start-up aside, stays below the chosen one.
      this.warning = run.done ? null : this.speedMeter.sample(now, run.nowMs, this.speed);
      // Do not try to catch up a growing backlog: re-anchor so the page stays smooth.
      if (!run.done && target - run.nowMs > MAX_BACKLOG_MS * this.speed) this.reanchor(run);
    }
    if (now - this.lastFrameWallMs >= FRAME_INTERVAL_MS || run.done) {
      this.hooks.onFrame({ eventsPerSec: this.eventsPerSec(), warning: this.warning });
      this.lastFrameWallMs = now;
      this.windowStartMs = now;
      this.windowStartSimMs = run.nowMs;
      this.windowEvents = 0;
    }
    if (run.done) {
      this.running = false;
      this.hooks.onDone();
      return;
    }
    // At real-time speeds, wait for the wall clock once the target is reached.
    if (this.speed !== 'max' && run.nowMs >= target) this.clock.sleepThen(() => this.slice(token), 16);
    else if (this.speed === 'max' && now - this.startedWallMs < EASE_IN_MS)
      this.clock.sleepThen(() => this.slice(token), Math.max(1, now - start));
    else this.clock.yieldThen(() => this.slice(token));
  }

  private eventsPerSec(): number {
    const elapsed = this.clock.nowMs() - this.windowStartMs;
    return elapsed > 0 ? (this.windowEvents * 1000) / elapsed : 0;
  }
}
